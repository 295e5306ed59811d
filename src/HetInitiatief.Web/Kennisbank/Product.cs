using System.Collections.Immutable;

namespace HetInitiatief.Kennisbank;

/// <summary>
/// The state a decision about a product needs: who may write to it, who is invited, its version, how much is attached
/// and who used it. Rebuilt from the product's events each time it is written to.
/// </summary>
public sealed record Product(
    Guid Id, Guid CreatorId, ImmutableHashSet<Guid> Authors, ImmutableHashSet<Guid> Invited, int Revision,
    long AttachedBytes, ImmutableHashSet<Guid> UsedBy)
{
    public static Product Create(ProductPublished e) =>
        new(e.ProductId, e.PublishedBy, [e.PublishedBy], [], 1, 0, []);

    public Product Apply(ProductRevised e) => this with { Revision = e.Revision };

    public Product Apply(CoAuthorInvited e) => this with { Invited = Invited.Add(e.MemberId) };

    public Product Apply(CoAuthorAccepted e) =>
        this with { Invited = Invited.Remove(e.MemberId), Authors = Authors.Add(e.MemberId) };

    public Product Apply(CoAuthorDeclined e) => this with { Invited = Invited.Remove(e.MemberId) };

    public Product Apply(AttachmentAdded e) => this with { AttachedBytes = AttachedBytes + e.Size };

    public Product Apply(ProductUsed e) => this with { UsedBy = UsedBy.Add(e.UsedBy) };

    public bool IsAuthor(Guid memberId) => Authors.Contains(memberId);
}

/// <summary>The kinds, visibilities and limits of a product, and the rules several of its commands share.</summary>
public static class ProductRules
{
    public const int TitleMax = 150;
    public const int BodyMax = 20000;
    public const int NoteMax = 1000;
    public const int MaxThemes = 5;

    public const string NotFound = "Dit product bestaat niet.";

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["les"] = "Les(senreeks)",
        ["protocol"] = "Protocol",
        ["format"] = "Format",
        ["instrument"] = "Instrument",
        ["voorbeeld"] = "Voorbeeld",
        ["verhaal"] = "Verhaal",
        ["link"] = "Link",
        ["document"] = "Document",
    };

    public const string Members = "leden";
    public const string Public = "openbaar";

    public static readonly IReadOnlyDictionary<string, string> Visibilities = new Dictionary<string, string>
    {
        [Members] = "Alleen voor leden",
        [Public] = "Openbaar, ook voor bezoekers",
    };

    public static string KindName(string kind) => Kinds.GetValueOrDefault(kind, kind);

    public static Problem? MustBeAuthor(Product product, Guid memberId, string action) =>
        product.IsAuthor(memberId) ? null : Problem.Forbidden($"Alleen de auteurs van dit product kunnen {action}.");
}

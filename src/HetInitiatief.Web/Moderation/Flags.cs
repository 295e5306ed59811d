using System.Security.Cryptography;
using System.Text;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using Microsoft.Extensions.Options;

namespace HetInitiatief.Moderation;

public static class ContentTypes
{
    public const string Question = "question";
    public const string FollowUp = "followUp";
    public const string Proposal = "proposal";
    public const string Story = "story";
    public const string Comment = "comment";
    public const string Product = "product";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Question] = "leervraag", [FollowUp] = "vervolgvraag", [Proposal] = "aanbod", [Story] = "succesverhaal", [Comment] = "reactie op een aanbod",
        [Product] = "product in de kennisbank",
    };

    /// <summary>Where a contribution is seen: a kennisbank product on its own page, everything else on its question's.</summary>
    public static string LinkFor(string contentType, Guid contentId, Guid questionId) =>
        contentType == Product ? $"/kennisbank/{contentId}" : $"/vragen/{questionId}";
}

/// <summary>A member flagged a contribution. A comment is named by its offer and its author, who comment once per offer.</summary>
public sealed record ContentFlagged(Guid ModerationId, string ContentType, Guid ContentId, Guid? CommentBy, Guid QuestionId, Guid AuthorId, Guid FlaggedBy, string Reason, DateTimeOffset FlaggedAt);

/// <summary>The contribution is hidden: by a moderator, or — <c>HiddenBy</c> empty — automatically when enough members flagged it.</summary>
public sealed record ContentHidden(Guid ModerationId, Guid? HiddenBy, string Reason, DateTimeOffset HiddenAt);

/// <summary>A moderator reviewed the flags and shows the contribution (again); the open flags are settled.</summary>
public sealed record ContentRestored(Guid ModerationId, Guid RestoredBy, string Reason, DateTimeOffset RestoredAt);

/// <summary>The moderation of one contribution: its open flags, whether it is hidden and why. Inline, so pages hide it at once.</summary>
public sealed record ContentModeration(
    Guid Id, string ContentType, Guid ContentId, Guid? CommentBy, Guid QuestionId, Guid AuthorId,
    IReadOnlyList<ContentModeration.Flag> OpenFlags, bool Hidden, string? HiddenReason, bool HiddenAutomatically, DateTimeOffset LastChangedAt)
{
    public sealed record Flag(Guid By, string Reason, DateTimeOffset At);

    public static Guid IdFor(string contentType, Guid contentId, Guid? commentBy = null) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"moderation:{contentType}:{contentId:N}:{commentBy:N}")).AsSpan(0, 16));

    public static ContentModeration Create(ContentFlagged e) =>
        new(e.ModerationId, e.ContentType, e.ContentId, e.CommentBy, e.QuestionId, e.AuthorId, [new(e.FlaggedBy, e.Reason, e.FlaggedAt)], false, null, false, e.FlaggedAt);

    public ContentModeration Apply(ContentFlagged e) => this with { OpenFlags = [.. OpenFlags, new(e.FlaggedBy, e.Reason, e.FlaggedAt)], LastChangedAt = e.FlaggedAt };

    // A moderator's decision settles the open flags; an automatic hide waits for one.
    public ContentModeration Apply(ContentHidden e) => this with
    {
        Hidden = true, HiddenReason = e.Reason, HiddenAutomatically = e.HiddenBy is null, OpenFlags = e.HiddenBy is null ? OpenFlags : [], LastChangedAt = e.HiddenAt,
    };

    public ContentModeration Apply(ContentRestored e) => this with { Hidden = false, HiddenReason = null, HiddenAutomatically = false, OpenFlags = [], LastChangedAt = e.RestoredAt };

    public bool AwaitsReview => OpenFlags.Count > 0 || HiddenAutomatically;
}

public sealed record FlagContent(string? ContentType, Guid? ContentId, Guid? CommentBy, string? Reason);

/// <summary>What a flag points at, found in the read models: which question it belongs to and who wrote it.</summary>
public sealed record ContentRef(string ContentType, Guid ContentId, Guid? CommentBy, Guid QuestionId, Guid AuthorId, string Text);

public static class FlagEndpoint
{
    public const int DefaultFlagsToHide = 3;

    /// <param name="unconfirmed">
    /// Who among the flaggers (the member included) has not confirmed their address: their flag is refused, and one
    /// they left before addresses were confirmed does not count toward hiding, so made-up accounts cannot hide anything.
    /// </param>
    public static Decision Decide(
        ContentModeration? moderation, ContentRef content, FlagContent command, Guid memberId, int flagsToHide, DateTimeOffset now,
        IReadOnlySet<Guid>? unconfirmed = null)
    {
        unconfirmed ??= new HashSet<Guid>();
        if (unconfirmed.Contains(memberId)) return Members.UnconfirmedWrites.Refusal;
        if (new FieldRules().Text("reason", command.Reason, "waarom je dit meldt", 500, min: 3).Problem is { } invalid) return invalid;
        if (content.AuthorId == memberId) return Problem.Invalid("contentId", "Je kunt je eigen bijdrage niet melden; je kunt hem wel aanpassen of intrekken.");
        if (moderation?.OpenFlags.Any(f => f.By == memberId) == true) return Decision.Accept();

        var id = ContentModeration.IdFor(content.ContentType, content.ContentId, content.CommentBy);
        var flagged = new ContentFlagged(id, content.ContentType, content.ContentId, content.CommentBy, content.QuestionId, content.AuthorId, memberId, command.Reason!.Trim(), now);
        var flaggers = (moderation?.OpenFlags.Select(f => f.By) ?? []).Append(memberId).Where(by => !unconfirmed.Contains(by)).Distinct().Count();
        return moderation?.Hidden != true && flaggers >= flagsToHide
            ? Decision.Accept(flagged, new ContentHidden(id, null, $"Gemeld door {flaggers} leden; verborgen tot een moderator ernaar kijkt.", now))
            : Decision.Accept(flagged);
    }

    [EndpointSummary("Flag a question, follow-up, offer, comment on an offer, success story or kennisbank product, with a reason. Content flagged by 3 confirmed members is hidden until a moderator reviews it.")]
    [WolverinePost("/api/flags")]
    [Refuses(400, 404)]
    public static async Task<Answer<FlagResult>> Post(
        FlagContent command, ClaimsPrincipal user, IDocumentStore store, IOptions<ModerationOptions> settings, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await FlagAsync(command, user.MemberId(), store, settings.Value.FlagsToHide, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<FlagResult>> FlagAsync(FlagContent command, Guid memberId, IDocumentStore store, int flagsToHide, DateTimeOffset now, CancellationToken ct)
    {
        if (command.ContentType is not { } type || !ContentTypes.Names.ContainsKey(type)) return Problem.Invalid("contentType", "Kies wat je meldt: question, followUp, proposal, story, comment of product.");
        if (command.ContentId is not { } contentId) return Problem.Invalid("contentId", "Zeg welke bijdrage je meldt.");
        await using var query = store.QuerySession();
        if (await ResolveAsync(query, type, contentId, command.CommentBy, ct) is not { } content) return Problem.NotFound("Deze bijdrage bestaat niet (meer).");
        var id = ContentModeration.IdFor(type, contentId, command.CommentBy);
        // Read before the lock: whoever flags from now on got past the confirmed-address check, so a flagger who joins
        // meanwhile is confirmed, and only flags already there can be from unconfirmed members.
        var earlier = (await query.LoadAsync<ContentModeration>(id, ct))?.OpenFlags.Select(f => f.By) ?? [];
        var unconfirmed = await UnconfirmedAsync(query, [.. earlier, memberId], ct);
        var written = await EventStreams.DecideOrStartAsync<ContentModeration>(store, id, m => Decide(m, content, command, memberId, flagsToHide, now, unconfirmed), ct);
        if (written.Problem is { } problem) return problem;
        var moderation = await query.LoadAsync<ContentModeration>(id, ct);
        return new FlagResult(id, moderation?.Hidden == true);
    }

    /// <summary>Those of these members who have not confirmed their address, or no longer have an account.</summary>
    private static async Task<IReadOnlySet<Guid>> UnconfirmedAsync(IQuerySession session, IReadOnlyCollection<Guid> members, CancellationToken ct)
    {
        var confirmed = (await session.LoadManyAsync<Members.MemberProfile>(ct, members.Distinct().ToArray()))
            .Where(p => p.EmailConfirmedAt is not null).Select(p => p.Id).ToHashSet();
        return members.Where(m => !confirmed.Contains(m)).ToHashSet();
    }

    public static async Task<ContentRef?> ResolveAsync(IQuerySession session, string type, Guid id, Guid? commentBy, CancellationToken ct)
    {
        switch (type)
        {
            case ContentTypes.Question:
                return await session.LoadAsync<QuestionDetails>(id, ct) is { } q ? new(type, id, null, q.Id, q.OwnerId, $"{q.Title} — {q.Context}") : null;
            case ContentTypes.FollowUp:
                var withFollowUp = await session.Query<QuestionDetails>().Where(q => q.FollowUps.Any(f => f.Id == id)).FirstOrDefaultAsync(ct);
                return withFollowUp?.FollowUps.First(f => f.Id == id) is { } f ? new(type, id, null, withFollowUp.Id, f.AskedBy, f.Text) : null;
            case ContentTypes.Story:
                var withStory = await session.Query<QuestionDetails>().Where(q => q.Stories!.Any(s => s.Id == id)).FirstOrDefaultAsync(ct);
                return withStory?.Stories?.First(s => s.Id == id) is { } s ? new(type, id, null, withStory.Id, s.By, s.Text) : null;
            case ContentTypes.Proposal:
                return await session.LoadAsync<Proposal>(id, ct) is { } p ? new(type, id, null, p.QuestionId, p.ProposedBy, $"{p.Title} — {p.Outcome}") : null;
            case ContentTypes.Comment:
                var offer = await session.LoadAsync<Proposal>(id, ct);
                return offer?.Reactions.FirstOrDefault(r => r.MemberId == commentBy && !string.IsNullOrEmpty(r.Comment)) is { } r
                    ? new(type, id, r.MemberId, offer.QuestionId, r.MemberId, r.Comment!) : null;
            case ContentTypes.Product:
                // A product may stand on its own; QuestionId is then empty and the moderator opens the product itself.
                return await session.LoadAsync<Kennisbank.ProductDetails>(id, ct) is { } k
                    ? new(type, id, null, k.QuestionId ?? Guid.Empty, k.CreatorId, $"{k.Title} — {k.Summary}") : null;
            default:
                return null;
        }
    }
}

public sealed record FlagResult(Guid ModerationId, bool Hidden);

/// <summary>What the flag form on a page needs: which contribution, and how to name it.</summary>
public sealed record FlagForm(string ContentType, Guid ContentId, Guid? CommentBy, string What);

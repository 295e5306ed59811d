using HetInitiatief.Catalogue;

namespace HetInitiatief.Members;

/// <summary>#durftevragen: what a member can offer others, on their profile.</summary>
public sealed record MemberOfferingUpdated(Guid MemberId, IReadOnlyList<string> Themes, string? Offering, DateTimeOffset UpdatedAt);

/// <summary>A theme a provider covers, and what kind of activity members can expect there.</summary>
public sealed record ProviderTheme(string Theme, string Description);

public sealed record ProviderThemesInventoried(Guid MemberId, IReadOnlyList<ProviderTheme> Themes, DateTimeOffset InventoriedAt);

public sealed record UpdateOffering(IReadOnlyList<string>? Themes, string? Offering);

public sealed record InventoryThemes(IReadOnlyList<ProviderTheme>? Themes);

public sealed record ThemeSupply(string Code, string Name, IReadOnlyList<ThemeProvider> Providers, int MembersOffering);

public sealed record ThemeProvider(Guid Id, string Name, string Description);

public static class OfferingEndpoints
{
    public static Decision DecideOffering(MemberProfile member, UpdateOffering command, DateTimeOffset now)
    {
        var themes = command.Themes ?? [];
        var invalid = new FieldRules()
            .Check(themes.All(Themes.IsKnown), "themes", "Kies bekende thema's.")
            .Check(themes.Distinct().Count() <= 8, "themes", "Kies hoogstens 8 thema's.")
            .OptionalText("offering", command.Offering, "wat je kunt bieden", 1000)
            .Problem;
        return invalid ?? Decision.Accept(new MemberOfferingUpdated(member.Id, themes.Distinct().ToList(), command.Offering?.Trim(), now));
    }

    public static Decision DecideInventory(MemberProfile member, InventoryThemes command, DateTimeOffset now)
    {
        if (!member.Has(MemberRoles.Provider)) return Problem.Forbidden("Alleen aanbieders inventariseren thema's.");
        var themes = command.Themes ?? [];
        var invalid = new FieldRules()
            .Check(themes.All(t => Themes.IsKnown(t.Theme)), "themes", "Kies bekende thema's.")
            .Check(themes.All(t => !string.IsNullOrWhiteSpace(t.Description) && t.Description.Length <= 500), "themes", "Beschrijf per thema in hoogstens 500 tekens wat deelnemers kunnen verwachten.")
            .Problem;
        return invalid ?? Decision.Accept(new ProviderThemesInventoried(member.Id, themes.Select(t => t with { Description = t.Description.Trim() }).ToList(), now));
    }

    [EndpointSummary("Say on your profile what you can offer others: themes and a short text.")]
    [WolverinePut("/api/me/offering")]
    [Refuses(400)]
    public static async Task<Answer<MemberProfile>> Offer(
        UpdateOffering command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await OfferAsync(user.MemberId(), command, store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Inventory the themes you provide for, with what members can expect (providers only).")]
    [WolverinePut("/api/me/provider-themes")]
    [Refuses(400, 403)]
    public static async Task<Answer<MemberProfile>> Inventory(
        InventoryThemes command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await InventoryAsync(user.MemberId(), command, store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Every theme with its providers (and what to expect from them) and how many members offer it.")]
    [WolverineGet("/api/themes")]
    public static async Task<Answer<IReadOnlyList<ThemeSupply>>> GetThemes(
        IQuerySession session, CancellationToken ct) =>
        Answer.Of(await ThemesWithSupply(session, ct));

    public static async Task<IReadOnlyList<ThemeSupply>> ThemesWithSupply(IQuerySession session, CancellationToken ct)
    {
        var suppliers = await session.Query<MemberProfile>().Where(m => m.OfferedThemes != null || m.ProviderThemes != null).ToListAsync(ct);
        return Themes.All.Select(t => new ThemeSupply(t.Key, t.Value,
            suppliers.Where(m => m.Has(MemberRoles.Provider)).SelectMany(m => (m.ProviderThemes ?? []).Where(p => p.Theme == t.Key).Select(p => new ThemeProvider(m.Id, m.Name, p.Description))).ToList(),
            suppliers.Count(m => m.OfferedThemes?.Contains(t.Key) == true))).ToList();
    }

    public static Task<Outcome<MemberProfile>> OfferAsync(
        Guid memberId, UpdateOffering command, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        EditProfileEndpoints.WriteAsync(memberId, m => DecideOffering(m, command, now), store, ct);

    public static Task<Outcome<MemberProfile>> InventoryAsync(
        Guid memberId, InventoryThemes command, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        EditProfileEndpoints.WriteAsync(memberId, m => DecideInventory(m, command, now), store, ct);
}

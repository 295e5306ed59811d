using HetInitiatief.Catalogue;
using HetInitiatief.Questions;

namespace HetInitiatief.Members;

/// <summary>A member follows a theme: new questions in it reach them (see docs/notifications.md).</summary>
public sealed record MemberFollowedTheme(Guid MemberId, string Theme, DateTimeOffset FollowedAt);

public sealed record MemberUnfollowedTheme(Guid MemberId, string Theme, DateTimeOffset UnfollowedAt);

/// <summary>A member follows a sector: it narrows what "mijn thema's" and theme notifications bring them.</summary>
public sealed record MemberFollowedSector(Guid MemberId, string Sector, DateTimeOffset FollowedAt);

public sealed record MemberUnfollowedSector(Guid MemberId, string Sector, DateTimeOffset UnfollowedAt);

public static class FollowThemeEndpoints
{
    public static Decision DecideTheme(MemberProfile member, string theme, bool follow, DateTimeOffset now)
    {
        if (!Themes.IsKnown(theme)) return Problem.Invalid("theme", $"Onbekend thema: {Shorten(theme)}. Kies een thema uit de lijst.");
        // Following what you follow (or dropping what you don't) changes nothing, so a repeated request is harmless.
        if (member.Follows(theme) == follow) return Decision.Accept();
        return follow
            ? Decision.Accept(new MemberFollowedTheme(member.Id, theme, now))
            : Decision.Accept(new MemberUnfollowedTheme(member.Id, theme, now));
    }

    public static Decision DecideSector(MemberProfile member, string sector, bool follow, DateTimeOffset now)
    {
        if (!Sectors.IsKnown(sector)) return Problem.Invalid("sector", $"Onbekende sector: {Shorten(sector)}. {Sectors.Unknown}");
        if (member.FollowsSector(sector) == follow) return Decision.Accept();
        return follow
            ? Decision.Accept(new MemberFollowedSector(member.Id, sector, now))
            : Decision.Accept(new MemberUnfollowedSector(member.Id, sector, now));
    }

    /// <summary>The profile's checkboxes: everything the member follows at once, as the follows and unfollows it takes.</summary>
    public static Decision DecideFollowing(MemberProfile member, IReadOnlyList<string> themes, IReadOnlyList<string> sectors, DateTimeOffset now)
    {
        var invalid = new FieldRules()
            .Check(themes.All(Themes.IsKnown), "followedThemes", $"Onbekend thema: {Shorten(themes.FirstOrDefault(t => !Themes.IsKnown(t)) ?? "")}.")
            .Check(sectors.All(Sectors.IsKnown), "followedSectors", Sectors.Unknown)
            .Problem;
        if (invalid is not null) return invalid;
        var events = Themes.All.Keys.Select(t => DecideTheme(member, t, themes.Contains(t), now))
            .Concat(Sectors.All.Keys.Select(c => DecideSector(member, c, sectors.Contains(c), now)))
            .SelectMany(d => d.Events).ToArray();
        return Decision.Accept(events);
    }

    [EndpointSummary("Follow a theme: new questions in it reach you. Following twice changes nothing. Returns the themes you follow.")]
    [AllowUnconfirmed]
    [WolverinePut("/api/me/themes/{code}")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<ThemeView>>> FollowTheme(
        string code, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await SetThemeAsync(user.MemberId(), code, true, store, clock.GetUtcNow(), ct)).Answer(ThemesOf);

    [EndpointSummary("Stop following a theme. Returns the themes you still follow.")]
    [AllowUnconfirmed]
    [WolverineDelete("/api/me/themes/{code}")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<ThemeView>>> UnfollowTheme(
        string code, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await SetThemeAsync(user.MemberId(), code, false, store, clock.GetUtcNow(), ct)).Answer(ThemesOf);

    [EndpointSummary("The themes you follow, with their names.")]
    [WolverineGet("/api/me/themes")]
    public static async Task<Answer<IReadOnlyList<ThemeView>>> MyThemes(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        Answer.Of(ThemesOf(await session.LoadAsync<MemberProfile>(user.MemberId(), ct)));

    [EndpointSummary("Follow a sector: \"mijn thema's\" and theme notifications then keep to the sectors you follow.")]
    [AllowUnconfirmed]
    [WolverinePut("/api/me/sectors/{code}")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<SectorView>>> FollowSector(
        string code, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await SetSectorAsync(user.MemberId(), code, true, store, clock.GetUtcNow(), ct)).Answer(SectorsOf);

    [EndpointSummary("Stop following a sector. Returns the sectors you still follow.")]
    [AllowUnconfirmed]
    [WolverineDelete("/api/me/sectors/{code}")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<SectorView>>> UnfollowSector(
        string code, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await SetSectorAsync(user.MemberId(), code, false, store, clock.GetUtcNow(), ct)).Answer(SectorsOf);

    [EndpointSummary("The sectors you follow, with their names.")]
    [WolverineGet("/api/me/sectors")]
    public static async Task<Answer<IReadOnlyList<SectorView>>> MySectors(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        Answer.Of(SectorsOf(await session.LoadAsync<MemberProfile>(user.MemberId(), ct)));

    /// <summary>Follows or unfollows a theme for the API and the pages alike; the member's profile as it is afterwards.</summary>
    public static Task<Outcome<MemberProfile>> SetThemeAsync(
        Guid memberId, string theme, bool follow, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(memberId, m => DecideTheme(m, theme, follow, now), store, ct);

    public static Task<Outcome<MemberProfile>> SetFollowingAsync(Guid memberId, IReadOnlyList<string> themes,
        IReadOnlyList<string> sectors, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(memberId, m => DecideFollowing(m, themes, sectors, now), store, ct);

    public static Task<Outcome<MemberProfile>> SetSectorAsync(
        Guid memberId, string sector, bool follow, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(memberId, m => DecideSector(m, sector, follow, now), store, ct);

    public static IReadOnlyList<ThemeView> ThemesOf(MemberProfile? member) =>
        Themes.All.Keys.Where(t => member?.Follows(t) == true).Select(t => new ThemeView(t, Themes.Name(t))).ToList();

    public static IReadOnlyList<SectorView> SectorsOf(MemberProfile? member) =>
        Sectors.All.Keys.Where(s => member?.FollowsSector(s) == true).Select(s => new SectorView(s, Sectors.Name(s))).ToList();

    private static async Task<Outcome<MemberProfile>> WriteAsync(
        Guid memberId, Func<MemberProfile, Decision> decide, IDocumentStore store, CancellationToken ct)
    {
        var outcome = await EventStreams.DecideAsync(store, memberId, null, decide, "Dit account bestaat niet meer.", ct);
        if (outcome.Problem is { } problem) return problem;
        await using var query = store.QuerySession();
        return (await query.LoadAsync<MemberProfile>(memberId, ct))!;
    }

    // A code comes from the URL; echo a bounded piece of it, never a page of text.
    private static string Shorten(string code) => code.Length <= 40 ? code : code[..40] + "…";
}

public sealed record SectorView(string Code, string Name);

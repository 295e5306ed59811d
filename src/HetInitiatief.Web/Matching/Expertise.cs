using HetInitiatief.Members;

namespace HetInitiatief.Matching;

/// <summary>A colleague who knows something about a question's themes, and why the platform thinks so.</summary>
public sealed record Expert(MemberProfile Member, string Reason, IReadOnlyList<string> Themes);

public static class Expertise
{
    /// <summary>
    /// Members whose profile offers one of the themes, and providers who cover one; a provider who also offers the theme
    /// as a member counts once, as provider. Read from the inline profiles, so a profile changed a moment ago counts.
    /// </summary>
    public static async Task<IReadOnlyList<Expert>> ForThemesAsync(
        IQuerySession session, IReadOnlyList<string> themes, Guid except, CancellationToken ct)
    {
        if (themes.Count == 0) return [];
        var candidates = await session.Query<MemberProfile>()
            .Where(m => m.Id != except && (m.OfferedThemes != null || m.ProviderThemes != null)).ToListAsync(ct);
        return candidates.Select(m => Of(m, themes)).OfType<Expert>().OrderBy(e => e.Member.Name).ToList();
    }

    public static Expert? Of(MemberProfile member, IReadOnlyList<string> themes)
    {
        var provided = member.Has(MemberRoles.Provider)
            ? themes.Where(t => member.ProviderThemes?.Any(p => p.Theme == t) == true).ToList()
            : [];
        if (provided.Count > 0) return new Expert(member, MatchReasons.ProvidesTheme, provided);
        var offered = themes.Where(t => member.OfferedThemes?.Contains(t) == true).ToList();
        return offered.Count > 0 ? new Expert(member, MatchReasons.OffersTheme, offered) : null;
    }

    /// <summary>
    /// Whether a viewer may see that this colleague knows about the themes: a provider's themes are public, a member's
    /// offering follows their profile's visibility.
    /// </summary>
    public static bool ShownTo(Expert expert, MemberProfile? viewer) =>
        expert.Reason == MatchReasons.ProvidesTheme || expert.Member.Shows("offering", viewer);
}

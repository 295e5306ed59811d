using JasperFx.Events.Projections;

namespace HetInitiatief.Members;

/// <summary>
/// Who a member is, as the rest of the platform shows them. Projected inline from the member stream.
/// <c>EmailConfirmedAt</c>: when they confirmed their address; until then they read but do not write for others.
/// </summary>
public sealed record MemberProfile(
    Guid Id, string Name, string Email, string School, string Sector, DateTimeOffset RegisteredAt,
    IReadOnlyList<string>? Roles = null, IReadOnlyList<string>? OfferedThemes = null, string? Offering = null,
    IReadOnlyList<ProviderTheme>? ProviderThemes = null, int? EarlyBirdSeat = null,
    IReadOnlyList<string>? Subjects = null, IReadOnlyList<string>? LearningPreferences = null, string? About = null,
    IReadOnlyDictionary<string, string>? Visibility = null, bool ListedAsEarlyBird = false,
    IReadOnlyList<string>? FollowedThemes = null, IReadOnlyList<string>? FollowedSectors = null, DateTimeOffset? EmailConfirmedAt = null)
{
    public static MemberProfile Create(MemberRegistered e) =>
        new(e.MemberId, e.Name, e.Email, e.School, e.Sector, e.RegisteredAt, EarlyBirdSeat: e.EarlyBirdSeat);

    public MemberProfile Apply(MemberEmailConfirmed e) => this with { EmailConfirmedAt = e.ConfirmedAt, EarlyBirdSeat = e.EarlyBirdSeat ?? EarlyBirdSeat };

    public bool Has(string role) => Roles?.Contains(role) == true;

    /// <summary>#durftevragen: a provider, or a member whose profile offers one of these themes, can supply them.</summary>
    public bool CanSupply(IEnumerable<string> themes) =>
        Has(MemberRoles.Provider) || themes.Any(t => OfferedThemes?.Contains(t) == true);

    public MemberProfile Apply(MemberRoleGranted e) => this with { Roles = [.. (Roles ?? []).Where(r => r != e.Role), e.Role] };

    public MemberProfile Apply(MemberRoleRevoked e) => this with { Roles = (Roles ?? []).Where(r => r != e.Role).ToList() };

    public MemberProfile Apply(MemberOfferingUpdated e) => this with { OfferedThemes = e.Themes, Offering = e.Offering };

    public MemberProfile Apply(ProviderThemesInventoried e) => this with { ProviderThemes = e.Themes };

    public MemberProfile Apply(MemberProfileUpdated e) => this with
    {
        School = e.School, Sector = e.Sector, Subjects = e.Subjects, LearningPreferences = e.LearningPreferences, About = e.About, Visibility = e.Visibility,
    };

    public MemberProfile Apply(EarlyBirdListingChosen e) => this with { ListedAsEarlyBird = e.Listed };

    public MemberProfile Apply(MemberFollowedTheme e) => this with { FollowedThemes = [.. (FollowedThemes ?? []).Where(t => t != e.Theme), e.Theme] };

    public MemberProfile Apply(MemberUnfollowedTheme e) => this with { FollowedThemes = (FollowedThemes ?? []).Where(t => t != e.Theme).ToList() };

    public bool Follows(string theme) => FollowedThemes?.Contains(theme) == true;

    public MemberProfile Apply(MemberFollowedSector e) => this with { FollowedSectors = [.. (FollowedSectors ?? []).Where(s => s != e.Sector), e.Sector] };

    public MemberProfile Apply(MemberUnfollowedSector e) => this with { FollowedSectors = (FollowedSectors ?? []).Where(s => s != e.Sector).ToList() };

    public bool FollowsSector(string sector) => FollowedSectors?.Contains(sector) == true;

    /// <summary>
    /// The themes this member follows that a question is in, when the question is theirs to hear of: in a followed
    /// theme and, if they follow sectors, in one of those (sectors narrow, they never widen). Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> FollowedThemesOf(IEnumerable<string> themes, string sector) =>
        (FollowedSectors is { Count: > 0 } sectors && !sectors.Contains(sector))
            ? []
            : themes.Where(Follows).ToList();

    /// <summary>Whether a viewer may see a part of this profile; the member themself always sees everything.</summary>
    public bool Shows(string part, MemberProfile? viewer) =>
        viewer?.Id == Id || (Visibility?.GetValueOrDefault(part, ProfileOptions.Members) ?? ProfileOptions.Members) switch
        {
            ProfileOptions.Members => viewer is not null,
            ProfileOptions.MySchool => viewer is not null && SameSchool(viewer),
            _ => false,
        };

    public bool SameSchool(MemberProfile other) =>
        string.Equals(School.Trim(), other.School.Trim(), StringComparison.OrdinalIgnoreCase) && School.Trim().Length > 0;

    /// <summary>How a member who deleted their account is shown, wherever their name would be.</summary>
    public const string FormerMember = "oud-lid";

    /// <summary>Display names for a set of members, for pages that show who did what.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToArray();
        if (distinct.Length == 0) return new Dictionary<Guid, string>();
        var profiles = await session.LoadManyAsync<MemberProfile>(ct, distinct);
        return profiles.ToDictionary(p => p.Id, p => p.Name);
    }
}

/// <summary>
/// A member's sign-in credentials, keyed by the normalised e-mail address. Keeping the key unique in
/// the database is what makes two registrations with one address impossible, however close together.
/// </summary>
public sealed record MemberLogin(string Id, Guid MemberId, string PasswordHash)
{
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

public sealed class MembersConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<MemberProfile>(SnapshotLifecycle.Inline);
        options.Schema.For<MemberProfile>().UniqueIndex(p => p.Email);
        options.Schema.For<MemberLogin>();
        options.Schema.For<SignInAttempts>();
        options.Schema.For<PasswordResetToken>();
        options.Schema.For<EmailConfirmationToken>().Index(t => t.MemberId);

        // What "forget me" blanks in a member's own events (DeleteAccountEndpoint).
        options.Events.AddMaskingRuleForProtectedInformation<MemberRegistered>(e => e with { Name = MemberProfile.FormerMember, Email = "", School = "" });
        options.Events.AddMaskingRuleForProtectedInformation<MemberOfferingUpdated>(e => e with { Offering = null });
        options.Events.AddMaskingRuleForProtectedInformation<MemberProfileUpdated>(e => e with { School = "", Subjects = [], About = null });
        Contributions.AddMaskingRules(options);
        options.Events.AddMaskingRuleForProtectedInformation<ProviderThemesInventoried>(e => e with { Themes = e.Themes.Select(t => t with { Description = "" }).ToList() });
    }
}

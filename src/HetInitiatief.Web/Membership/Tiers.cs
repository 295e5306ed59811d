using HetInitiatief.Members;
using HetInitiatief.Shared;
using Microsoft.Extensions.Options;

namespace HetInitiatief.Membership;

public static class MembershipTiers
{
    /// <summary>Everyone who helps think may join, free.</summary>
    public const string Free = "free";

    /// <summary>The founding members: free, with a numbered seat.</summary>
    public const string EarlyBird = "earlyBird";

    /// <summary>Arranged outside the platform; the school is invoiced.</summary>
    public const string Paid = "paid";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Free] = "Gratis", [EarlyBird] = "Early bird (oprichter)", [Paid] = "Betaald",
    };
}

/// <summary>What a tier may do beyond what every member may. Which tier gets which is a setting.</summary>
public static class Entitlements
{
    public const string ProviderSessions = "providerSessions";
    public const string Portfolio = "portfolio";

    public static readonly IReadOnlyList<string> All = [ProviderSessions, Portfolio];

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [ProviderSessions] = "Aanmelden voor bijeenkomsten van aanbieders",
        [Portfolio] = "Portfolio professionele ontwikkeling (pdf en csv)",
    };

    public const string ProviderSessionsRefused =
        "Aanmelden voor bijeenkomsten van aanbieders hoort bij een betaald lidmaatschap. Scholen regelen dat met Het Initiatief (op factuur); vraag ernaar op je school.";

    public const string PortfolioRefused =
        "Het portfolio hoort bij een betaald lidmaatschap. Scholen regelen dat met Het Initiatief (op factuur); vraag ernaar op je school.";
}

/// <summary>
/// Which entitlements each tier has: settings <c>Membership:Entitlements:Paid</c>, <c>…:EarlyBird</c> and
/// <c>…:Free</c>, each a comma-separated list (empty: none). Founding members are free but get what paid
/// members get, so by default early bird and paid have everything and free has nothing.
/// </summary>
public sealed record TierSettings(IReadOnlyDictionary<string, IReadOnlyList<string>> Entitlements)
{
    public static readonly TierSettings Default = new(new Dictionary<string, IReadOnlyList<string>>
    {
        [MembershipTiers.Paid] = Membership.Entitlements.All,
        [MembershipTiers.EarlyBird] = Membership.Entitlements.All,
        [MembershipTiers.Free] = [],
    });

    /// <summary>
    /// Binds the settings, checked at start-up: an unknown entitlement stops it, naming the setting, because a typo
    /// would otherwise silently take something away.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedSettings<MembershipOptions>(configuration, MembershipOptions.Section,
            MembershipOptions.Problems);
        services.AddSingleton(s => From(s.GetRequiredService<IOptions<MembershipOptions>>().Value));
    }

    /// <summary>The checked settings as each tier's list; a tier left unset keeps its default.</summary>
    public static TierSettings From(MembershipOptions options) =>
        new(Default.Entitlements.ToDictionary(t => t.Key,
            t => MembershipOptions.Listed(options.For(t.Key)) ?? t.Value));

    public IReadOnlyList<string> For(string tier) => Entitlements.GetValueOrDefault(tier, []);
}

/// <summary>As configured: <c>Membership:Entitlements:Paid</c>, <c>…:EarlyBird</c>, <c>…:Free</c>.</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    public EntitlementLists Entitlements { get; set; } = new();

    /// <summary>Each tier's comma-separated list; null when unset (the default), empty for nothing.</summary>
    public sealed class EntitlementLists
    {
        public string? Paid { get; set; }
        public string? EarlyBird { get; set; }
        public string? Free { get; set; }
    }

    public string? For(string tier) => tier switch
    {
        MembershipTiers.Paid => Entitlements.Paid,
        MembershipTiers.EarlyBird => Entitlements.EarlyBird,
        _ => Entitlements.Free,
    };

    public static IEnumerable<string?> Problems(MembershipOptions o) =>
        TierSettings.Default.Entitlements.Keys.Select(tier =>
            (Listed(o.For(tier)) ?? []).Where(e => !Membership.Entitlements.All.Contains(e)).ToList()
                is { Count: > 0 } unknown
                ? $"{Section}:Entitlements:{char.ToUpperInvariant(tier[0])}{tier[1..]} names unknown entitlement(s) "
                  + $"{string.Join(", ", unknown)}; known are {string.Join(", ", Membership.Entitlements.All)}."
                : null);

    public static IReadOnlyList<string>? Listed(string? setting) =>
        setting?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
}

/// <summary>A member's tier today, since and until when it holds (when known), and what it entitles them to.</summary>
public sealed record MembershipStatus(string Tier, DateOnly? Since, DateOnly? Until, IReadOnlyList<string> Entitlements)
{
    public bool Includes(string entitlement) => Entitlements.Contains(entitlement);
}

public static class Tiers
{
    /// <summary>
    /// Paid when a membership covers today for the member or for their school (trimmed, case-insensitive);
    /// otherwise early bird when the member has a founding seat; otherwise free.
    /// </summary>
    public static MembershipStatus Of(MemberProfile member, IEnumerable<PaidMembership> memberships, DateOnly today, TierSettings settings)
    {
        var school = PaidMembership.SchoolKeyOf(member.School);
        var covering = memberships
            .Where(m => m.Covers(today) && (m.MemberId == member.Id || school.Length > 0 && m.SchoolKey == school))
            .ToList();
        if (covering.Count > 0)
            return new(MembershipTiers.Paid, covering.Min(m => m.From), covering.Max(m => m.Until), settings.For(MembershipTiers.Paid));
        if (member.EarlyBirdSeat is not null)
            return new(MembershipTiers.EarlyBird, Today(member.RegisteredAt), null, settings.For(MembershipTiers.EarlyBird));
        return new(MembershipTiers.Free, null, null, settings.For(MembershipTiers.Free));
    }

    /// <summary>Memberships are kept in days, and a Dutch school's day is the day in Amsterdam.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Display.Local(now).DateTime);

    public static async Task<MembershipStatus?> LoadAsync(IQuerySession session, Guid memberId, DateTimeOffset now, TierSettings settings, CancellationToken ct) =>
        await session.LoadAsync<MemberProfile>(memberId, ct) is { } member ? await LoadAsync(session, member, now, settings, ct) : null;

    public static async Task<MembershipStatus> LoadAsync(IQuerySession session, MemberProfile member, DateTimeOffset now, TierSettings settings, CancellationToken ct)
    {
        var school = PaidMembership.SchoolKeyOf(member.School);
        var memberships = school.Length == 0
            ? await session.Query<PaidMembership>().Where(m => m.MemberId == member.Id).ToListAsync(ct)
            : await session.Query<PaidMembership>().Where(m => m.MemberId == member.Id || m.SchoolKey == school).ToListAsync(ct);
        return Of(member, memberships, Today(now), settings);
    }
}

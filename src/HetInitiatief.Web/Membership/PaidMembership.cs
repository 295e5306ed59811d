using HetInitiatief.Members;
using HetInitiatief.Questions;
using JasperFx.Events.Projections;

namespace HetInitiatief.Membership;

/// <summary>
/// A paid membership as decisions, tiers and the admin's list need it. Projected inline from its own
/// stream, so a membership counts from the moment the admin's request returns.
/// </summary>
public sealed record PaidMembership(
    Guid Id, Guid? MemberId, string? School, string? SchoolKey, DateOnly From, DateOnly Until, Guid RecordedBy, DateTimeOffset RecordedAt,
    Guid? EndedBy = null, DateTimeOffset? EndedAt = null)
{
    public static PaidMembership Create(PaidMembershipRecorded e) =>
        new(e.MembershipId, e.MemberId, e.School, e.School is null ? null : SchoolKeyOf(e.School), e.From, e.Until, e.RecordedBy, e.RecordedAt);

    public PaidMembership Apply(PaidMembershipEnded e) => this with { Until = e.LastDay, EndedBy = e.EndedBy, EndedAt = e.EndedAt };

    public bool Covers(DateOnly day) => From <= day && day <= Until;

    /// <summary>Schools are typed by hand at registration, so "De Regenboog " and "de regenboog" are one school.</summary>
    public static string SchoolKeyOf(string school) => school.Trim().ToLowerInvariant();

    public const string NotFound = "Dit lidmaatschap bestaat niet.";
}

/// <summary>Only admins record and see memberships. Checked against the stored profile, so a revoked admin is refused at once.</summary>
public static class MembershipAdmin
{
    public static Problem? MustBeAdmin(MemberProfile? caller, string action) =>
        caller is null ? Problem.Unauthorized("Log opnieuw in.")
        : !caller.Has(MemberRoles.Admin) ? Problem.Forbidden($"Alleen een beheerder kan {action}.")
        : null;
}

/// <summary>A membership as the admin's list and the API show it, with names instead of member ids.</summary>
public sealed record MembershipView(
    Guid Id, Person? Member, string? School, DateOnly From, DateOnly Until, bool Active, Person RecordedBy, DateTimeOffset RecordedAt, DateTimeOffset? EndedAt)
{
    public static MembershipView Of(PaidMembership m, IReadOnlyDictionary<Guid, string> names, DateOnly today) =>
        new(m.Id, m.MemberId is { } member ? Person.Of(member, names) : null, m.School, m.From, m.Until, m.Covers(today),
            Person.Of(m.RecordedBy, names), m.RecordedAt, m.EndedAt);

    public static async Task<List<MembershipView>> ListAsync(IQuerySession session, IReadOnlyList<PaidMembership> memberships, DateOnly today, CancellationToken ct)
    {
        var names = await MemberProfile.NamesAsync(session, memberships.SelectMany(m => new[] { m.RecordedBy }.Concat(m.MemberId is { } id ? [id] : [])), ct);
        return memberships.Select(m => Of(m, names, today)).ToList();
    }
}

public sealed class MembershipConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<PaidMembership>(SnapshotLifecycle.Inline);
        options.Schema.For<PaidMembership>().Index(m => m.MemberId).Index(m => m.SchoolKey);
    }
}

public static class MembershipServices
{
    /// <summary>The membership module: its documents, and the tiers' entitlements bound from the settings.</summary>
    public static IServiceCollection AddMembership(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IConfigureMarten, MembershipConfiguration>();
        TierSettings.Add(services, configuration);
        return services;
    }
}

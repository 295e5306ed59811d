using HetInitiatief.Members;

namespace HetInitiatief.Membership;

/// <summary>For one member (by id or e-mail address) or for a whole school, from and until a day, both included.</summary>
public sealed record RecordPaidMembership(Guid? MemberId, string? Email, string? School, DateOnly? From, DateOnly? Until);

public static class RecordPaidMembershipEndpoint
{
    public const int SchoolMax = 150;

    public static Problem? CheckFields(RecordPaidMembership c)
    {
        var byId = c.MemberId is not null;
        var byEmail = !string.IsNullOrWhiteSpace(c.Email);
        // A school that is sent but blank is a mistake to point out, not a request for a member's membership.
        var forSchool = c.School is not null;
        var rules = new FieldRules()
            .Check(byId || byEmail || forSchool, "member", "Kies een lid (e-mailadres) of een school.")
            .Check(!(byId && byEmail), "email", "Geef het lid op met memberId of met e-mailadres, niet allebei.")
            .Check(!((byId || byEmail) && forSchool), "school", "Kies een lid of een school, niet allebei.")
            .Check(c.From is not null, "from", "Vul de eerste dag in.")
            .Check(c.Until is not null, "until", "Vul de laatste dag in.")
            .Check(c.From is null || c.Until is null || c.Until >= c.From, "until", "De laatste dag ligt op of na de eerste dag.");
        if (forSchool && !byId && !byEmail) rules.Text("school", c.School, "de naam van de school", SchoolMax);
        return rules.Problem;
    }

    /// <param name="member">The member the command names, when it names one that exists.</param>
    public static Decision Decide(RecordPaidMembership c, MemberProfile? admin, MemberProfile? member, Guid membershipId, DateTimeOffset now)
    {
        if ((MembershipAdmin.MustBeAdmin(admin, "een lidmaatschap vastleggen") ?? CheckFields(c)) is { } refused) return refused;
        if (c.School is null && member is null)
            return c.MemberId is null ? NotFound("email", "Er is geen lid met dit e-mailadres.") : NotFound("memberId", "Dit lid bestaat niet.");
        return Decision.Accept(new PaidMembershipRecorded(
            membershipId, member?.Id, member is null ? c.School!.Trim() : null, c.From!.Value, c.Until!.Value, admin!.Id, now));
    }

    [EndpointSummary("Record a paid membership (admin only) for one member (memberId or email) or for all members of a school, from and until a day.")]
    [WolverinePost("/api/memberships")]
    [Refuses(400, 403, 404)]
    public static async Task<Created<MembershipView>> Post(
        RecordPaidMembership command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await RecordAsync(command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Created(membership => $"/api/memberships/{membership.Id}");
    }

    public static async Task<Outcome<MembershipView>> RecordAsync(RecordPaidMembership command, Guid adminId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var admin = await session.LoadAsync<MemberProfile>(adminId, ct);
        var memberId = command.MemberId
            ?? (string.IsNullOrWhiteSpace(command.Email) ? null : (await session.LoadAsync<MemberLogin>(MemberLogin.Normalise(command.Email), ct))?.MemberId);
        var member = memberId is { } id ? await session.LoadAsync<MemberProfile>(id, ct) : null;

        var membershipId = Guid.CreateVersion7();
        var decision = Decide(command, admin, member, membershipId, now);
        var started = await EventStreams.StartAsync<PaidMembership>(session, membershipId, decision,
            EventStreams.AlreadyThere, ct);
        if (started.Problem is { } refused) return refused;

        var recorded = (await session.LoadAsync<PaidMembership>(membershipId, ct))!;
        return (await MembershipView.ListAsync(session, [recorded], Tiers.Today(now), ct))[0];
    }

    private static Problem NotFound(string field, string reason) =>
        new(404, "Niet gevonden", reason, new Dictionary<string, string[]> { [field] = [reason] });
}

using HetInitiatief.Members;

namespace HetInitiatief.Questions;

/// <summary>"Mijn leidinggevende steunt dit": a school leader backs the question of a member of their own school.</summary>
public sealed record QuestionEndorsed(Guid QuestionId, Guid EndorsedBy, string School, DateTimeOffset EndorsedAt);

public sealed record QuestionEndorsementWithdrawn(Guid QuestionId, Guid WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>A school leader's backing, as stored with the question or coalition.</summary>
public sealed record Backing(Guid Leader, string School, DateTimeOffset At);

public sealed record Endorsement(Person Leader, string School, DateTimeOffset At);

public static class Endorsements
{
    /// <summary>Only a school leader, and only for the members of their own school, so support means what it says.</summary>
    public static Problem? MayEndorse(MemberProfile? leader, IEnumerable<MemberProfile> members) =>
        leader?.Has(MemberRoles.SchoolLeader) != true ? Problem.Forbidden("Alleen een leidinggevende kan steun betuigen.")
        : !members.Any(m => m.SameSchool(leader)) ? Problem.Forbidden("Je kunt alleen initiatieven van leden van je eigen school steunen.")
        : null;

    /// <summary>Backing or withdrawing it: allowed only as <see cref="MayEndorse"/> says, and the same choice twice changes nothing.</summary>
    public static Decision Decide(MemberProfile? leader, IEnumerable<MemberProfile> members, IReadOnlySet<Guid>? endorsers, bool endorse,
        Func<MemberProfile, object> endorsed, Func<MemberProfile, object> withdrawn)
    {
        if (MayEndorse(leader, members) is { } refused) return refused;
        return endorse == (endorsers?.Contains(leader!.Id) == true) ? Decision.Accept()
            : Decision.Accept(endorse ? endorsed(leader!) : withdrawn(leader!));
    }

    public static async Task<IReadOnlyList<Endorsement>> ViewAsync(IQuerySession session, IReadOnlyList<Backing>? endorsements, CancellationToken ct)
    {
        if (endorsements is not { Count: > 0 }) return [];
        return View(endorsements, await MemberProfile.NamesAsync(session, endorsements.Select(e => e.Leader), ct));
    }

    public static IReadOnlyList<Endorsement> View(IReadOnlyList<Backing>? endorsements, IReadOnlyDictionary<Guid, string> names) =>
        (endorsements ?? []).Select(e => new Endorsement(Person.Of(e.Leader, names), e.School, e.At)).ToList();
}

public static class EndorseQuestionEndpoints
{
    public static Decision Decide(Question question, MemberProfile? owner, MemberProfile? leader, bool endorse, DateTimeOffset now)
    {
        if (QuestionRules.MustBeOpen(question) is { } closed) return closed;
        return Endorsements.Decide(leader, owner is null ? [] : [owner], question.Endorsers, endorse,
            l => new QuestionEndorsed(question.Id, l.Id, l.School.Trim(), now),
            l => new QuestionEndorsementWithdrawn(question.Id, l.Id, now));
    }

    [EndpointSummary("As a school leader, back a question of a member of your own school ('mijn leidinggevende steunt dit'). Twice changes nothing.")]
    [WolverinePost("/api/questions/{id}/endorsements")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Endorse(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await EndorseAsync(id, user.MemberId(), endorse: true, store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Withdraw your backing of a question.")]
    [Members.AllowUnconfirmed]
    [WolverineDelete("/api/questions/{id}/endorsements/me")]
    [Refuses(403, 404)]
    public static async Task<Answer<QuestionWritten>> Withdraw(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await EndorseAsync(id, user.MemberId(), endorse: false, store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<QuestionWritten>> EndorseAsync(Guid id, Guid leaderId, bool endorse, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var leader = await query.LoadAsync<MemberProfile>(leaderId, ct);
        var ownerId = (await query.LoadAsync<QuestionBoardItem>(id, ct))?.OwnerId;
        var owner = ownerId is { } o ? await query.LoadAsync<MemberProfile>(o, ct) : null;
        return (await EventStreams.DecideAsync<Question>(store, id, null, q => Decide(q, owner, leader, endorse, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(id, written.Version));
    }
}

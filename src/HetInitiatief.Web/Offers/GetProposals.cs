using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Offers;

public sealed record ReactionView(Person Member, string Kind, string? Comment, DateTimeOffset At);

public sealed record ProposalView(
    Guid Id, Guid CoalitionId, Person ProposedBy, string Title, string Outcome, string Type, string Format, string ProposedDates,
    string Status, string? ChangesNote, int Interested, int NotForMe, IReadOnlyList<ReactionView> Reactions, DateTimeOffset MadeAt, long Version,
    int Round = 1);

public static class GetProposalsEndpoint
{
    [EndpointSummary("The proposals made to a coalition, with the members' reactions; the co-creation visible to all.")]
    [WolverineGet("/api/coalitions/{id}/proposals")]
    public static async Task<Answer<IReadOnlyList<ProposalView>>> Get(
        Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var proposals = await ReadAsync(id, session, ct);
        var coalition = await session.LoadAsync<Coalitions.CoalitionDetails>(id, ct);
        if (coalition is null) return Answer.Of(proposals);
        var hidden = await Moderation.HiddenContent.OnQuestionAsync(session, coalition.QuestionId, ct);
        var moderator = Moderation.Moderators.Are(await session.LoadAsync<MemberProfile>(user.MemberId(), ct));
        return Answer.Of(Moderation.HiddenContent.Apply(proposals, hidden, user.MemberId(), moderator));
    }

    /// <param name="asOf">Looking back: the proposals made by then, each as it stood then.</param>
    public static async Task<IReadOnlyList<ProposalView>> ReadAsync(
        Guid coalitionId, IQuerySession session, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        IReadOnlyList<Proposal> proposals = await session.Query<Proposal>().Where(p => p.CoalitionId == coalitionId)
            .OrderBy(p => p.MadeAt).ToListAsync(ct);
        if (asOf is { } when)
        {
            var then = new List<Proposal>();
            foreach (var current in proposals.Where(p => p.MadeAt <= when))
                if (await session.Events.AggregateStreamAsync<Proposal>(current.Id, timestamp: when.ToUniversalTime(), token: ct)
                    is { } past) then.Add(past);
            proposals = then;
        }
        var names = await MemberProfile.NamesAsync(session, proposals.SelectMany(p => p.Reactions.Select(r => r.MemberId).Append(p.ProposedBy)), ct);
        Person PersonOf(Guid id) => Person.Of(id, names);
        return proposals.Select(p => new ProposalView(
            p.Id, p.CoalitionId, PersonOf(p.ProposedBy), p.Title, p.Outcome, p.Type, p.Format, p.ProposedDates, p.Status, p.ChangesNote,
            p.Interested, p.NotForMe, p.Reactions.Select(r => new ReactionView(PersonOf(r.MemberId), r.Kind, r.Comment, r.At)).ToList(), p.MadeAt, p.Version,
            p.Round)).ToList();
    }
}

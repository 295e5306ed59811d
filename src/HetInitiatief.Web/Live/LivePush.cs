using HetInitiatief.Coalitions;
using HetInitiatief.Moderation;
using HetInitiatief.Network;
using HetInitiatief.Notifications;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Services;
using JasperFx.Events.Projections;
using Wolverine.Marten;
using Microsoft.AspNetCore.SignalR;
using Wolverine;
using Wolverine.Runtime;

namespace HetInitiatief.Live;

/// <summary>The push message for a changed question: small and stable, so clients fetch what they show.</summary>
public sealed record QuestionChanged(Guid QuestionId, long Version, string Change)
{
    public const string Method = "questionChanged";

    public static QuestionChanged? From(IEvent e) => e.Data switch
    {
        QuestionPosted p => new(p.QuestionId, e.Version, "posted"),
        FollowUpAsked f => new(f.QuestionId, e.Version, "followUpAsked"),
        FollowUpAnswered a => new(a.QuestionId, e.Version, "followUpAnswered"),
        QuestionReformulated r => new(r.QuestionId, e.Version, "reformulated"),
        GoalSet g => new(g.QuestionId, e.Version, "goalSet"),
        QuestionWithdrawn w => new(w.QuestionId, e.Version, "withdrawn"),
        QuestionOwnershipTransferred o => new(o.QuestionId, e.Version, "ownerChanged"),
        QuestionLinked l => new(l.QuestionId, e.Version, "linked"),
        GoalOutcomeRecorded g => new(g.QuestionId, e.Version, "goalOutcome"),
        QuestionMergedInto m => new(m.QuestionId, e.Version, "merged"),
        QuestionEndorsed n => new(n.QuestionId, e.Version, "endorsed"),
        QuestionEndorsementWithdrawn w => new(w.QuestionId, e.Version, "endorsementWithdrawn"),
        SuccessStoryPublished s => new(s.QuestionId, e.Version, "successStory"),
        _ => null,
    };
}

/// <summary>The push message for a coalition's meter: where it stands after the change.</summary>
public sealed record CoalitionChanged(Guid QuestionId, Guid CoalitionId, long Version, string Change, int Partners, int Threshold)
{
    public const string Method = "coalitionChanged";

    public static CoalitionChanged? From(IEvent e, CoalitionDetails coalition)
    {
        var change = e.Data switch
        {
            CoalitionFormed => "formed",
            MemberJoinedCoalition => "joined",
            MemberLeftCoalition => "left",
            CoalitionPositionChanged => "positionChanged",
            CoalitionThresholdReached => "thresholdReached",
            CoalitionClosed => "closed",
            CoalitionClosingDateExtended => "closingDateExtended",
            InitiativeHandoverOffered => "handoverOffered",
            InitiativeHandedOver or InitiativeTakenOn => "initiatorChanged",
            CoalitionOfferAccepted => "offerAccepted",
            CoalitionEndorsed or CoalitionEndorsementWithdrawn => "endorsed",
            _ => null,
        };
        return change is null ? null : new(coalition.QuestionId, coalition.Id, e.Version, change, coalition.Partners, coalition.Threshold);
    }
}

/// <summary>The push message for a session's seat count: where it stands after the change.</summary>
public sealed record SessionChanged(Guid SessionId, long Version, string Change, int Participants, int Capacity, int Waiting)
{
    public const string Method = "sessionChanged";

    public static SessionChanged? From(IEvent e, Session session)
    {
        var change = e.Data switch
        {
            SessionScheduled => "scheduled",
            MemberSignedUp => "signedUp",
            MemberWaitlisted => "waitlisted",
            SignUpCancelled => "cancelled",
            PromotedFromWaitlist => "promoted",
            SessionConfirmed => "confirmed",
            SessionCalledOff => "calledOff",
            SessionMoved => "moved",
            AttendanceRecorded => "attendanceRecorded",
            FeedbackGiven => "feedbackGiven",
            _ => null,
        };
        return change is null ? null : new(session.Id, e.Version, change, session.Participants.Count, session.Capacity, session.Waitlist.Count);
    }
}

/// <summary>An offer to a coalition moved: made, reacted to, revised, accepted. Sent to the question's watchers.</summary>
public sealed record ProposalChanged(Guid QuestionId, Guid ProposalId, long Version, string Status)
{
    public const string Method = "proposalChanged";
}

/// <summary>
/// Hands every committed question, coalition, session and network change to Wolverine as a push message, right after
/// the commit: no polling, so watchers see it within milliseconds. Runs after the transaction, so a failing push can
/// never undo or fail the write; a push lost in a crash costs a watcher a refresh, nothing more. What members must be
/// told (news) does not go this way but through <see cref="NewsOutbox"/>, inside the transaction.
/// </summary>
public sealed class ChangeForwarder(IServiceProvider services, ILogger<ChangeForwarder> logger) : DocumentSessionListenerBase
{
    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var messages = new List<object>();
        try
        {
            // The inline projections were written in the same commit; their new state gives the meters.
            var written = commit.Updated.Concat(commit.Inserted).ToList();
            var coalitions = written.OfType<CoalitionDetails>().ToDictionary(c => c.Id);
            var sessions = written.OfType<Session>().ToDictionary(s => s.Id);
            var proposals = written.OfType<Proposal>().ToDictionary(p => p.Id);
            var questions = written.OfType<QuestionDetails>().ToDictionary(q => q.Id);
            foreach (var e in commit.GetEvents())
            {
                if (QuestionChanged.From(e) is { } question) messages.Add(question);
                else if (coalitions.GetValueOrDefault(e.StreamId) is { } coalition && CoalitionChanged.From(e, coalition) is { } meter) messages.Add(meter);
                else if (sessions.GetValueOrDefault(e.StreamId) is { } planned && SessionChanged.From(e, planned) is { } seats) messages.Add(seats);
                else if (e.Data is ProposalMade or ProposalReacted or ProposalChangesRequested or ProposalRevised or ProposalAccepted
                         && proposals.GetValueOrDefault(e.StreamId) is { } proposal)
                    messages.Add(new ProposalChanged(proposal.QuestionId, proposal.Id, e.Version, proposal.Status));
                messages.AddRange(Workspace.WorkspaceChanged.From(e, questions, coalitions));
            }
            // One refresh of the radar per commit is enough, however many of its facts the commit changed.
            if (commit.GetEvents().FirstOrDefault(e => RadarChanged.IsAbout(e.Data)) is { } radar) messages.Add(new RadarChanged(radar.EventTypeName));
            // One refresh of the landing page per commit is enough, however many of its events the commit holds.
            if (commit.GetEvents().Select(NetworkChanged.From).FirstOrDefault(c => c is not null) is { } network) messages.Add(network);
            if (messages.Count == 0) return;

            var bus = new MessageBus(services.GetRequiredService<IWolverineRuntime>());
            foreach (var message in messages) await bus.PublishAsync(message);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not hand {Count} changes to the live push", messages.Count);
        }
    }
}

/// <summary>
/// The news in a commit — what members must be told (notifications, invitations, matches) — stored in Wolverine's
/// durable outbox inside the commit's own transaction, so it exists exactly when the events do: a crash or a database
/// restart between the commit and the hand-over cannot lose it, and Wolverine delivers it once the transaction has
/// committed (or, after a crash, when the app starts again). Registered after the coalition and offer projections, so
/// what it reads of them (a coalition's meter, an offer) already holds this commit's state.
/// </summary>
public sealed class NewsOutbox(IServiceProvider services) : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        if (operations is not IDocumentSession session)
            throw new InvalidOperationException("News can only leave through the outbox of the session that commits it.");
        var pending = (IChangeSet)session.PendingChanges;
        var written = pending.Updated.Concat(pending.Inserted).ToList();
        var news = From(events, written.OfType<CoalitionDetails>().ToDictionary(c => c.Id), written.OfType<Proposal>().ToDictionary(p => p.Id));
        if (news.Count == 0) return;
        var outbox = new MartenOutbox(services.GetRequiredService<IWolverineRuntime>(), session);
        foreach (var message in news) await outbox.PublishAsync(message);
    }

    public static List<object> From(IEnumerable<IEvent> events, Dictionary<Guid, CoalitionDetails> coalitions, Dictionary<Guid, Proposal> proposals)
    {
        var news = new List<object>();
        foreach (var e in events)
        {
            if (CoalitionNews.From(e) is { } coalitionNews) news.Add(coalitionNews);
            if (SessionNews.From(e) is { } sessionNews) news.Add(sessionNews);
            if (OfferNews.From(e, proposals) is { } offerNews) news.Add(offerNews);
            if (NetworkNews.From(e) is { } networkNews) news.Add(networkNews);
            if (InviteNews.From(e) is { } inviteNews) news.Add(inviteNews);
            if (NudgeNews.From(e) is { } nudge) news.Add(nudge);
            if (ModerationNews.From(e) is { } moderation) news.Add(moderation);
            if (MergeNews.From(e) is { } merge) news.Add(merge);
            if (QuestionNews.From(e) is { } conversation) news.Add(conversation);
            if (Matching.QuestionToMatch.From(e) is { } toMatch) news.Add(toMatch);
            if (ThemeNews.From(e) is { } themeNews) news.Add(themeNews);
            if (coalitions.GetValueOrDefault(e.StreamId) is { } near && CoalitionShortNews.From(e, near) is { } shortNews) news.Add(shortNews);
        }
        return news;
    }
}

public static class LivePushHandler
{
    public static Task Handle(QuestionChanged message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Groups(LiveHub.BoardGroup, LiveHub.QuestionGroup(message.QuestionId)).SendAsync(QuestionChanged.Method, message, ct);

    public static Task Handle(CoalitionChanged message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Groups(LiveHub.BoardGroup, LiveHub.QuestionGroup(message.QuestionId)).SendAsync(CoalitionChanged.Method, message, ct);

    public static Task Handle(ProposalChanged message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Group(LiveHub.QuestionGroup(message.QuestionId)).SendAsync(ProposalChanged.Method, message, ct);

    public static Task Handle(SessionChanged message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Groups(LiveHub.AgendaGroup, LiveHub.SessionGroup(message.SessionId)).SendAsync(SessionChanged.Method, message, ct);

    public static Task Handle(RadarChanged message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Group(LiveHub.RadarGroup).SendAsync(RadarChanged.Method, message, ct);

    public static Task Handle(NotificationAdded message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Group(LiveHub.MemberGroup(message.MemberId)).SendAsync("notificationAdded", message, ct);
}

public static class LivePush
{
    /// <summary>One push at a time, in commit order, so watchers see changes in the order they happened.</summary>
    public static void AddLivePush(this WolverineOptions options)
    {
        options.LocalQueue("live-push").Sequential();
        options.PublishMessage<QuestionChanged>().ToLocalQueue("live-push");
        options.PublishMessage<CoalitionChanged>().ToLocalQueue("live-push");
        options.PublishMessage<NotificationAdded>().ToLocalQueue("live-push");
        options.PublishMessage<SessionChanged>().ToLocalQueue("live-push");
        options.PublishMessage<ProposalChanged>().ToLocalQueue("live-push");
        options.PublishMessage<NetworkChanged>().ToLocalQueue("live-push");
        options.PublishMessage<RadarChanged>().ToLocalQueue("live-push");
        options.PublishMessage<Workspace.WorkspaceChanged>().ToLocalQueue("live-push");

        // News and deadlines must survive a restart: durable queues, stored in PostgreSQL.
        options.LocalQueue("notifications").UseDurableInbox();
        options.PublishMessage<CoalitionNews>().ToLocalQueue("notifications");
        options.PublishMessage<SessionNews>().ToLocalQueue("notifications");
        options.PublishMessage<OfferNews>().ToLocalQueue("notifications");
        options.PublishMessage<NetworkNews>().ToLocalQueue("notifications");
        options.PublishMessage<InviteNews>().ToLocalQueue("notifications");
        options.PublishMessage<NudgeNews>().ToLocalQueue("notifications");
        options.PublishMessage<ModerationNews>().ToLocalQueue("notifications");
        options.PublishMessage<MergeNews>().ToLocalQueue("notifications");
        options.PublishMessage<QuestionNews>().ToLocalQueue("notifications");
        options.PublishMessage<Matching.QuestionToMatch>().ToLocalQueue("notifications");
        options.PublishMessage<ThemeNews>().ToLocalQueue("notifications");
        // One at a time: "invited once per coalition, ever" is checked against what the previous invitation stored.
        options.LocalQueue("coalition-invitations").Sequential().UseDurableInbox();
        options.PublishMessage<CoalitionShortNews>().ToLocalQueue("coalition-invitations");
        options.LocalQueue("deadlines").UseDurableInbox();
        options.PublishMessage<CloseCoalitionIfNotViable>().ToLocalQueue("deadlines");
        options.PublishMessage<RemindCoalitionClosing>().ToLocalQueue("deadlines");
        options.PublishMessage<DecideGoNoGo>().ToLocalQueue("deadlines");
    }
}

public sealed class LiveConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Listeners.Add(ActivatorUtilities.CreateInstance<ChangeForwarder>(services));
        options.Projections.Add(new NewsOutbox(services), ProjectionLifecycle.Inline);
    }
}

using System.Security.Cryptography;
using System.Text;
using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Members;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace HetInitiatief.Moderation;

/// <summary>
/// One event, reduced to what the health indicators count: who did what, when, about what. Its id is the
/// event's id and it keeps the event's place in the store (<c>Sequence</c>), so replaying the events gives
/// the very same documents in the very same order. It never holds a name, a text or a
/// school in clear: the indicators need none of them, and a departed member's data must not outlive them.
/// </summary>
/// <param name="Subject">
/// The question, coalition, proposal or session the act was about (for a trial: its coalition).
/// </param>
/// <param name="Related">The question of a coalition or a completed initiative; the coalition of a proposal or session;
/// the trial agreed or reviewed.</param>
/// <param name="Detail">A role, a school's key, or whether a goal was reached.</param>
/// <param name="Ends">When a scheduled or moved session ends: from then on it was held, unless called off.</param>
public sealed record HealthFact(
    Guid Id, long Sequence, string Kind, Guid MemberId, DateTimeOffset At, Guid? Subject = null, Guid? Related = null,
    string? Detail = null, DateTimeOffset? Ends = null);

public static class HealthFactKinds
{
    public const string Registered = "registered";
    public const string SchoolSet = "schoolSet";
    public const string RoleGranted = "roleGranted";
    public const string RoleRevoked = "roleRevoked";
    public const string QuestionPosted = "questionPosted";
    public const string OwnerChanged = "ownerChanged";
    public const string FollowUpAsked = "followUpAsked";
    public const string FollowUpAnswered = "followUpAnswered";
    public const string GoalSet = "goalSet";
    public const string QuestionWithdrawn = "questionWithdrawn";
    public const string GoalOutcome = "goalOutcome";
    public const string StoryPublished = "storyPublished";
    public const string CoalitionFormed = "coalitionFormed";
    public const string CoalitionJoined = "coalitionJoined";
    public const string CoalitionLeft = "coalitionLeft";
    public const string CoalitionClosed = "coalitionClosed";
    public const string ProposalMade = "proposalMade";
    public const string SessionScheduled = "sessionScheduled";
    public const string SignedUp = "signedUp";
    public const string FeedbackGiven = "feedbackGiven";
    public const string Matched = "matched";
    public const string SessionMoved = "sessionMoved";
    public const string SessionCalledOff = "sessionCalledOff";
    public const string TrialAgreed = "trialAgreed";
    public const string TrialReviewed = "trialReviewed";
    public const string InitiativeCompleted = "initiativeCompleted";
    public const string ProductPublished = "productPublished";

    public const string ByPlatform = "platform";
    public const string ByModerator = "moderator";

    public const string Reached = "reached";
    public const string NotReached = "notReached";
}

public static class HealthFacts
{
    /// <summary>The fact an event contributes to the indicators, or null when it counts for none of them.</summary>
    public static HealthFact? From(Guid eventId, long sequence, object data) => data switch
    {
        MemberRegistered e => new(eventId, sequence, HealthFactKinds.Registered, e.MemberId, e.RegisteredAt, Detail: SchoolKey(e.School)),
        MemberProfileUpdated e => new(eventId, sequence, HealthFactKinds.SchoolSet, e.MemberId, e.UpdatedAt, Detail: SchoolKey(e.School)),
        MemberRoleGranted e => new(eventId, sequence, HealthFactKinds.RoleGranted, e.MemberId, e.GrantedAt, Detail: e.Role),
        MemberRoleRevoked e => new(eventId, sequence, HealthFactKinds.RoleRevoked, e.MemberId, e.RevokedAt, Detail: e.Role),
        QuestionPosted e => new(eventId, sequence, HealthFactKinds.QuestionPosted, e.PostedBy, e.PostedAt, e.QuestionId),
        QuestionOwnershipTransferred e => new(eventId, sequence, HealthFactKinds.OwnerChanged, e.To, e.TransferredAt, e.QuestionId),
        FollowUpAsked e => new(eventId, sequence, HealthFactKinds.FollowUpAsked, e.AskedBy, e.AskedAt, e.QuestionId),
        FollowUpAnswered e => new(eventId, sequence, HealthFactKinds.FollowUpAnswered, e.AnsweredBy, e.AnsweredAt, e.QuestionId),
        GoalSet e => new(eventId, sequence, HealthFactKinds.GoalSet, e.SetBy, e.SetAt, e.QuestionId),
        QuestionWithdrawn e => new(eventId, sequence, HealthFactKinds.QuestionWithdrawn, e.WithdrawnBy, e.WithdrawnAt, e.QuestionId),
        GoalOutcomeRecorded e => new(eventId, sequence, HealthFactKinds.GoalOutcome, e.RecordedBy, e.RecordedAt, e.QuestionId,
            Detail: e.Reached ? HealthFactKinds.Reached : HealthFactKinds.NotReached),
        SuccessStoryPublished e => new(eventId, sequence, HealthFactKinds.StoryPublished, e.PublishedBy, e.PublishedAt, e.QuestionId),
        CoalitionFormed e => new(eventId, sequence, HealthFactKinds.CoalitionFormed, e.FormedBy, e.FormedAt, e.CoalitionId, e.QuestionId),
        MemberJoinedCoalition e => new(eventId, sequence, HealthFactKinds.CoalitionJoined, e.MemberId, e.JoinedAt, e.CoalitionId),
        MemberLeftCoalition e => new(eventId, sequence, HealthFactKinds.CoalitionLeft, e.MemberId, e.LeftAt, e.CoalitionId),
        CoalitionClosed e => new(eventId, sequence, HealthFactKinds.CoalitionClosed, Guid.Empty, e.ClosedAt, e.CoalitionId),
        ProposalMade e => new(eventId, sequence, HealthFactKinds.ProposalMade, e.ProposedBy, e.MadeAt, e.ProposalId, e.CoalitionId),
        SessionScheduled e => new(eventId, sequence, HealthFactKinds.SessionScheduled, e.HostId, e.ScheduledAt,
            e.SessionId, e.CoalitionId, Ends: e.EndsAt),
        SessionMoved e => new(eventId, sequence, HealthFactKinds.SessionMoved, e.MovedBy, e.MovedAt, e.SessionId,
            Ends: e.EndsAt),
        SessionCalledOff e => new(eventId, sequence, HealthFactKinds.SessionCalledOff, Guid.Empty, e.CalledOffAt,
            e.SessionId),
        TrialAgreed e => new(eventId, sequence, HealthFactKinds.TrialAgreed, e.AgreedBy, e.AgreedAt, e.CoalitionId,
            e.TrialId),
        TrialReviewed e => new(eventId, sequence, HealthFactKinds.TrialReviewed, e.ReviewedBy, e.ReviewedAt,
            e.CoalitionId, e.TrialId),
        InitiativeCompleted e => new(eventId, sequence, HealthFactKinds.InitiativeCompleted, e.CompletedBy,
            e.CompletedAt, e.CoalitionId, e.QuestionId),
        // What a coalition made counts against the decay arc: a product linked to its question or to itself.
        Kennisbank.ProductPublished e when e.CoalitionId is not null || e.QuestionId is not null =>
            new(eventId, sequence, HealthFactKinds.ProductPublished, e.PublishedBy, e.PublishedAt,
                e.CoalitionId ?? Coalition.IdFor(e.QuestionId!.Value), e.ProductId),
        MemberSignedUp e => new(eventId, sequence, HealthFactKinds.SignedUp, e.MemberId, e.SignedUpAt, e.SessionId),
        MemberWaitlisted e => new(eventId, sequence, HealthFactKinds.SignedUp, e.MemberId, e.WaitlistedAt, e.SessionId),
        FeedbackGiven e => new(eventId, sequence, HealthFactKinds.FeedbackGiven, e.MemberId, e.GivenAt, e.SessionId),
        Matching.MemberMatched { Notified: true } e => new(eventId, sequence, HealthFactKinds.Matched, e.MemberId, e.MatchedAt, e.QuestionId,
            Detail: e.MatchedBy is null ? HealthFactKinds.ByPlatform : HealthFactKinds.ByModerator),
        _ => null,
    };

    /// <summary>
    /// Schools are compared trimmed and case-insensitively. Only a hash is kept: enough to tell two schools
    /// apart, while the school itself (personal data, masked when a member leaves) stays out of this table.
    /// </summary>
    public static string? SchoolKey(string? school)
    {
        var normalised = school?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(normalised)) return null;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..16];
    }

    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(MemberRegistered), typeof(MemberProfileUpdated), typeof(MemberRoleGranted), typeof(MemberRoleRevoked),
        typeof(QuestionPosted), typeof(QuestionOwnershipTransferred), typeof(FollowUpAsked), typeof(FollowUpAnswered), typeof(GoalSet),
        typeof(QuestionWithdrawn), typeof(GoalOutcomeRecorded), typeof(SuccessStoryPublished),
        typeof(CoalitionFormed), typeof(MemberJoinedCoalition), typeof(MemberLeftCoalition), typeof(CoalitionClosed),
        typeof(ProposalMade), typeof(SessionScheduled), typeof(MemberSignedUp), typeof(MemberWaitlisted), typeof(FeedbackGiven),
        typeof(Matching.MemberMatched),
        typeof(SessionMoved), typeof(SessionCalledOff),
        typeof(TrialAgreed), typeof(TrialReviewed), typeof(InitiativeCompleted), typeof(Kennisbank.ProductPublished),
    ];
}

/// <summary>
/// Writes one <see cref="HealthFact"/> per counted event, inline in the event's own transaction. Each fact is
/// a new document keyed by its event, never read and updated, so the lost updates of inline multi-stream
/// aggregation under contention (marten #3488) cannot happen here, and the dashboard needs no async daemon.
/// </summary>
public sealed partial class HealthFactsProjection : EventProjection
{
    public const string ProjectionName = "HealthFacts";

    public HealthFactsProjection()
    {
        Name = ProjectionName;
        foreach (var type in HealthFacts.EventTypes) IncludeType(type);
        // A rebuild starts from an empty table, so it can only ever hold what the events say.
        Options.DeleteViewTypeOnTeardown<HealthFact>();
        // Nine in ten events make a fact: a rebuild writes pages of thousands of rows by COPY (RebuildWithBulkCopy)
        // instead of one transaction per 500 events (docs/performance.md, rebuild).
        Options.BatchSize = 5_000;
        Options.MaximumHopperSize = 20_000;
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        // Insert, not Store: a fact is written once, keyed by its event, and only an insert can go by COPY in a rebuild.
        if (HealthFacts.From(e.Id, e.Sequence, e.Data) is { } fact) operations.Insert(fact);
        return ValueTask.CompletedTask;
    }
}

public sealed class HealthConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Add(new HealthFactsProjection(), ProjectionLifecycle.Inline);
        // Facts by their moment (the dashboard's weeks) and by when they were written (what a kept dashboard catches up on).
        options.Schema.For<HealthFact>().Index(f => f.At).IndexLastModified();
    }
}

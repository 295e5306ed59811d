namespace HetInitiatief.Notifications;

public static class NotificationKinds
{
    public const string JoinedMyCoalition = "joinedMyCoalition";
    public const string ThresholdReached = "thresholdReached";
    public const string ClosingSoon = "closingSoon";
    public const string Closed = "closed";
    public const string InitiatorLeft = "initiatorLeft";
    public const string HandoverOffered = "handoverOffered";
    public const string Promoted = "promoted";
    public const string SessionConfirmed = "sessionConfirmed";
    public const string SessionCalledOff = "sessionCalledOff";
    public const string SessionMoved = "sessionMoved";
    public const string ProposalMade = "proposalMade";
    public const string ProposalAccepted = "proposalAccepted";
    public const string SessionForCoalition = "sessionForCoalition";
    public const string JointStart = "jointStart";
    public const string OpeningPlanned = "openingPlanned";
    public const string InviteAccepted = "inviteAccepted";
    public const string Nudged = "nudged";
    public const string ContentHidden = "contentHidden";
    public const string ContentRestored = "contentRestored";
    public const string QuestionMerged = "questionMerged";
    public const string MergeProposed = "mergeProposed";
    public const string CoAuthorInvited = "coAuthorInvited";

    // The initiative's life after the session: the group and the question's followers are kept informed.
    public const string TrialAgreed = "trialAgreed";
    public const string TrialReviewed = "trialReviewed";
    public const string CriteriaProposed = "criteriaProposed";
    public const string InitiativeCompleted = "initiativeCompleted";
    public const string InitiativeUpdate = "initiativeUpdate";

    // Doorvragen: the conversation on a question.
    public const string FollowUpAsked = "followUpAsked";
    public const string FollowUpAnswered = "followUpAnswered";
    public const string QuestionSharpened = "questionSharpened";
    public const string FollowedQuestionFollowUp = "followedQuestionFollowUp";

    // The makelfunctie: the platform brings questions, experts and colleagues together.
    public const string NewQuestionInTheme = "newQuestionInTheme";
    public const string ExpertiseRequested = "expertiseRequested";
    public const string SimilarQuestionPosted = "similarQuestionPosted";
    public const string CoalitionNeedsYou = "coalitionNeedsYou";
}

/// <summary>
/// One line in a member's notification list. A read model, derived from the events it is about; its
/// id is derived from the event and the member, so writing it twice (a retried message) stores it once.
/// </summary>
public sealed record Notification(Guid Id, Guid MemberId, string Kind, string Text, string Link, DateTimeOffset At, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

public static class NotificationStore
{
    /// <summary>
    /// Stores the notifications in the handler's session (committed by Wolverine) and returns their live
    /// pushes, sent after the commit, and their mail delivery, stored in the same transaction (Wolverine's outbox).
    /// A member who switched a kind off gets nothing of it, not even a line in the list.
    /// </summary>
    public static async Task<IEnumerable<object>> StoreAndAnnounceAsync(
        this IDocumentSession session, IReadOnlyList<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0) return [];
        var preferences = (await session.LoadManyAsync<NotificationPreferences>(ct, notifications.Select(n => n.MemberId).Distinct()))
            .ToDictionary(p => p.Id);
        notifications = notifications
            .Where(n => NotificationPreferences.DeliveryFor(preferences.GetValueOrDefault(n.MemberId), n.Kind) != Deliveries.Off)
            .ToList();
        foreach (var notification in notifications) session.Store(notification);
        return notifications.Select(n => (object)new NotificationAdded(n.MemberId, n.Id, n.Kind, n.Text, n.Link))
            .Concat(notifications.Select(n => new NotificationStored(n.Id, n.MemberId, n.Kind))).ToList();
    }
}

public sealed class NotificationsConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<Notification>().Index(x => x.MemberId).Index(x => x.At);
}

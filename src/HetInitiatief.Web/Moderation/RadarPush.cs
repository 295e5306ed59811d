using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Live;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace HetInitiatief.Moderation;

/// <summary>Something the radar is computed from changed; the moderators' radar page fetches itself again.</summary>
public sealed record RadarChanged(string Cause)
{
    public const string Method = "radarChanged";

    public static bool IsAbout(object data) => data is QuestionPosted or FollowUpAsked or FollowUpAnswered or QuestionWithdrawn or QuestionMergedInto
        or QuestionReformulated or CoalitionFormed or MemberJoinedCoalition or MemberLeftCoalition or CoalitionPositionChanged or CoalitionThresholdReached
        or CoalitionClosed or CoalitionClosingDateExtended or ProposalMade or SessionScheduled or SessionCalledOff
        or SuccessStoryPublished
        or RadarItemNudged or RadarItemTakenOn or RadarItemDismissed
        or ContentFlagged or ContentHidden or ContentRestored
        || IsCoalitionActivity(data);

    /// <summary>Every event on a coalition's stream moves its last activity, which the idle rule reads.</summary>
    private static bool IsCoalitionActivity(object data) => data is InitiativeHandoverOffered or InitiativeHandedOver
        or InitiativeTakenOn or CoalitionOfferAccepted or CoalitionEndorsed or CoalitionEndorsementWithdrawn
        or ApproachRecorded or ApproachRevisionProposed or ApproachRevisionAdopted or TrialAgreed or ExperienceShared
        or TrialReviewed or CompletionCriteriaProposed or CompletionCriteriaSupported or CompletionCriteriaAgreed
        or InitiativeCompleted or InitiativeUpdatePosted;
}

/// <summary>One refresh of the radar per commit is enough, however many of its facts the commit changed.</summary>
public sealed class RadarPush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit) =>
        commit.Events.FirstOrDefault(e => RadarChanged.IsAbout(e.Data)) is { } cause
            ? [LivePush.Of(RadarChanged.Method, new RadarChanged(cause.EventTypeName), LiveHub.RadarGroup)]
            : [];
}

/// <summary>
/// Radar items also appear by the clock alone (a question turns 48 hours old without anyone acting),
/// so watching moderators are told to look again every so often (<c>Moderation:Radar:RefreshSeconds</c>,
/// default 60). A failed push is only logged: the next tick tries again.
/// </summary>
public sealed class RadarClock(
    IHubContext<LiveHub> hub, IOptions<RadarOptions> settings, ILogger<RadarClock> logger)
    : BackgroundService
{
    public const string Cause = "time";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await hub.Clients.Group(LiveHub.RadarGroup)
                    .SendAsync(RadarChanged.Method, new RadarChanged(Cause), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not remind the radar's watchers to look again");
            }
        }
    }
}

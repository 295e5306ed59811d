using static HetInitiatief.Members.Contributions;

namespace HetInitiatief.Initiative;

/// <summary>
/// "Blank what I wrote as well" reaches the initiative: a departing member's approach, trials, experiences, reviews,
/// criteria, celebration and updates are masked like their other texts (<see cref="Members.Contributions"/>).
/// </summary>
public static class InitiativeContributions
{
    public static void AddMaskingRules(StoreOptions options)
    {
        options.Events.AddMaskingRuleForProtectedInformation<ApproachRecorded>(e =>
            e with { What = Blanked, ForWhom = "", Goal = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<ApproachRevisionProposed>(e =>
            e with { What = Blanked, ForWhom = "", Goal = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<TrialAgreed>(e =>
            e with { What = Blanked, WatchFor = "" });
        options.Events.AddMaskingRuleForProtectedInformation<ExperienceShared>(e => e with { Text = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<TrialReviewed>(e =>
            e with { WentWell = Blanked, NextTime = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<CompletionCriteriaProposed>(e =>
            e with { Criteria = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<InitiativeCompleted>(e =>
            e with { Celebration = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<InitiativeUpdatePosted>(e => e with { Text = Blanked });
    }

    /// <summary>
    /// Who wrote the text an initiative event carries (an adopted revision keeps its proposer's words).
    /// </summary>
    public static Guid? AuthorOf(object data) => data switch
    {
        ApproachRecorded e => e.RecordedBy,
        ApproachRevisionProposed e => e.ProposedBy,
        TrialAgreed e => e.AgreedBy,
        ExperienceShared e => e.SharedBy,
        TrialReviewed e => e.ReviewedBy,
        CompletionCriteriaProposed e => e.ProposedBy,
        InitiativeCompleted e => e.CompletedBy,
        InitiativeUpdatePosted e => e.PostedBy,
        _ => null,
    };
}

using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Moderation;

/// <summary>The moderation decisions as pure functions: flags and their threshold, hiding, restoring, nudging, merging.</summary>
public sealed class ModerationDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly ContentRef FollowUp = new(ContentTypes.FollowUp, Guid.NewGuid(), null, Guid.NewGuid(), Author, "Waarom?");
    private static readonly MemberProfile Mod = new(Guid.NewGuid(), "Mo", "mo@x.nl", "School", "po", Now, Roles: [MemberRoles.Moderator]);

    private static FlagContent Flag(string reason = "Kwetsend") => new(ContentTypes.FollowUp, FollowUp.ContentId, null, reason);

    private static ContentModeration Apply(ContentModeration? state, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            state = e switch
            {
                ContentFlagged f => state is null ? ContentModeration.Create(f) : state.Apply(f),
                ContentHidden h => state!.Apply(h),
                ContentRestored r => state!.Apply(r),
                _ => state,
            };
        }
        return state!;
    }

    [Fact]
    public void Flags_of_members_who_did_not_confirm_their_address_do_not_count_and_they_cannot_flag()
    {
        // Two flags left by members who never confirmed (before confirmation existed), then confirmed members flag.
        var unconfirmed = new HashSet<Guid> { Guid.NewGuid(), Guid.NewGuid() };
        var state = Apply(null, unconfirmed.Select(by => new ContentFlagged(
            ContentModeration.IdFor(ContentTypes.FollowUp, FollowUp.ContentId), ContentTypes.FollowUp, FollowUp.ContentId, null, FollowUp.QuestionId, Author, by, "Kwetsend", Now)));

        var first = FlagEndpoint.Decide(state, FollowUp, Flag(), Guid.NewGuid(), 3, Now, unconfirmed);
        first.Events.ShouldHaveSingleItem().ShouldBeOfType<ContentFlagged>();
        state = Apply(state, first.Events);
        state = Apply(state, FlagEndpoint.Decide(state, FollowUp, Flag(), Guid.NewGuid(), 3, Now, unconfirmed).Events);
        state.Hidden.ShouldBeFalse("four flags, but only two from confirmed members");
        FlagEndpoint.Decide(state, FollowUp, Flag(), Guid.NewGuid(), 3, Now, unconfirmed).Events.OfType<ContentHidden>().ShouldHaveSingleItem()
            .Reason.ShouldContain("Gemeld door 3 leden");

        var refused = FlagEndpoint.Decide(state, FollowUp, Flag(), unconfirmed.First(), 3, Now, unconfirmed).Refusal!;
        (refused.Status, refused.Type).ShouldBe((403, UnconfirmedWrites.ProblemType));
    }

    [Fact]
    public void The_third_different_member_hides_it_and_the_same_member_twice_counts_once()
    {
        var members = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var first = FlagEndpoint.Decide(null, FollowUp, Flag(), members[0], 3, Now);
        var state = Apply(null, first.Events);
        FlagEndpoint.Decide(state, FollowUp, Flag(), members[0], 3, Now).Events.ShouldBeEmpty();
        state = Apply(state, FlagEndpoint.Decide(state, FollowUp, Flag(), members[1], 3, Now).Events);
        state.Hidden.ShouldBeFalse();

        var third = FlagEndpoint.Decide(state, FollowUp, Flag(), members[2], 3, Now);

        third.Events.Select(e => e.GetType()).ShouldBe([typeof(ContentFlagged), typeof(ContentHidden)]);
        ((ContentHidden)third.Events[1]).HiddenBy.ShouldBeNull();
        state = Apply(state, third.Events);
        (state.Hidden, state.HiddenAutomatically, state.AwaitsReview).ShouldBe((true, true, true));
        Apply(state, FlagEndpoint.Decide(state, FollowUp, Flag(), Guid.NewGuid(), 3, Now).Events).OpenFlags.Count.ShouldBe(4);
    }

    [Fact]
    public void The_author_cannot_flag_their_own_and_a_flag_needs_a_reason()
    {
        FlagEndpoint.Decide(null, FollowUp, Flag(), Author, 3, Now).Refusal!.Errors.Keys.ShouldBe(["contentId"]);
        FlagEndpoint.Decide(null, FollowUp, Flag("  "), Guid.NewGuid(), 3, Now).Refusal!.Errors.Keys.ShouldBe(["reason"]);
    }

    [Fact]
    public void Restoring_settles_the_flags_so_three_new_flags_are_needed_to_hide_again()
    {
        var state = Apply(null, Enumerable.Range(0, 3).SelectMany(_ => FlagEndpoint.Decide(null, FollowUp, Flag(), Guid.NewGuid(), 3, Now).Events.Take(1)));
        state = Apply(state, ModerationQueueEndpoints.DecideRestore(state, new Review("Mag blijven."), Mod, Now).Events);
        (state.Hidden, state.OpenFlags.Count, state.AwaitsReview).ShouldBe((false, 0, false));
        ModerationQueueEndpoints.DecideRestore(state, new Review("Nog eens."), Mod, Now).Refusal!.Status.ShouldBe(409);

        var again = FlagEndpoint.Decide(state, FollowUp, Flag(), Guid.NewGuid(), 3, Now);
        again.Events.ShouldHaveSingleItem().ShouldBeOfType<ContentFlagged>();
    }

    [Fact]
    public void A_moderator_confirms_an_automatic_hide_with_a_reason_but_cannot_hide_twice()
    {
        var flagged = Apply(null, FlagEndpoint.Decide(null, FollowUp, Flag(), Guid.NewGuid(), 1, Now).Events);
        flagged.HiddenAutomatically.ShouldBeTrue();
        ModerationQueueEndpoints.DecideHide(flagged, new Review(""), Mod, Now).Refusal!.Errors.Keys.ShouldBe(["reason"]);
        var confirmed = Apply(flagged, ModerationQueueEndpoints.DecideHide(flagged, new Review("Persoonlijke aanval."), Mod, Now).Events);
        (confirmed.Hidden, confirmed.HiddenAutomatically, confirmed.HiddenReason, confirmed.AwaitsReview).ShouldBe((true, false, "Persoonlijke aanval.", false));
        ModerationQueueEndpoints.DecideHide(confirmed, new Review("Nog eens."), Mod, Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void A_nudge_reaches_only_members_the_radar_suggested()
    {
        var item = new RadarItem("unprobed:x", RadarKinds.Unprobed, "Vraag", "Waarom", Now, "/vragen/x", Guid.NewGuid(), "rekenen", "po");
        var expert = Guid.NewGuid();
        var suggestions = new[]
        {
            new NudgeAudience(Nudges.Owner, "", [new NudgeSuggestion(Guid.NewGuid(), "Olga", "")]),
            new NudgeAudience(Nudges.Similar, "", []),
            new NudgeAudience(Nudges.Expertise, "", [new NudgeSuggestion(expert, "Eva", ""), new NudgeSuggestion(Guid.NewGuid(), "Piet", "")]),
        };
        var log = RadarItemLog.Empty(item.Id, item.Key);

        Nudges.Decide(log, item, new Nudge(Nudges.Expertise, null, null), suggestions, Mod, Now).Events.OfType<RadarItemNudged>().Single().Recipients.Count.ShouldBe(2);
        Nudges.Decide(log, item, new Nudge(Nudges.Expertise, [expert], "Help je mee?"), suggestions, Mod, Now).Events.OfType<RadarItemNudged>().Single().Recipients.ShouldBe([expert]);
        Nudges.Decide(log, item, new Nudge(Nudges.Owner, [expert], null), suggestions, Mod, Now).Refusal!.Errors.Keys.ShouldBe(["memberIds"]);
        Nudges.Decide(log, item, new Nudge(Nudges.Similar, null, null), suggestions, Mod, Now).Refusal!.Errors.Keys.ShouldBe(["audience"]);
        Nudges.Decide(log, item, new Nudge("iedereen", null, null), suggestions, Mod, Now).Refusal!.Errors.Keys.ShouldBe(["audience"]);
    }

    [Fact]
    public void Dismissing_needs_a_reason_and_happens_once()
    {
        var log = RadarItemLog.Empty(Guid.NewGuid(), "noOffer:x");
        RadarActionEndpoints.DecideDismiss(log, new Dismiss(null), Mod, Now).Refusal!.Errors.Keys.ShouldBe(["reason"]);
        var dismissed = log.Apply((RadarItemDismissed)RadarActionEndpoints.DecideDismiss(log, new Dismiss("Loopt al via de school."), Mod, Now).Events.Single());
        dismissed.Dismissed.ShouldBeTrue();
        RadarActionEndpoints.DecideDismiss(dismissed, new Dismiss("Nog eens."), Mod, Now).Refusal!.Status.ShouldBe(409);
        RadarActionEndpoints.DecideTakeOn(dismissed with { TakenOnBy = Mod.Id }, Mod, Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_question_merged_alone_for_abuse_merges_only_into_another_open_question_and_closes_its_coalition()
    {
        var duplicate = Question.Create(new QuestionPosted(Guid.NewGuid(), Guid.NewGuid(), "T", "C", "W", "A", ["rekenen"], "po", Now));
        var target = QuestionBoardItem.Create(new QuestionPosted(Guid.NewGuid(), Guid.NewGuid(), "T2", "C", "W", "A", ["rekenen"], "po", Now));
        var coalition = new HetInitiatief.Coalitions.Coalition(Guid.NewGuid(), duplicate.Id, duplicate.OwnerId, 3, null, HetInitiatief.Coalitions.CoalitionStatus.Open, false,
            System.Collections.Immutable.ImmutableDictionary<Guid, string>.Empty.Add(duplicate.OwnerId, HetInitiatief.Coalitions.Positions.Initiator));

        MergeQuestionEndpoint.Decide(duplicate, null, target, new MergeQuestion(duplicate.Id, "Dubbel", true), Mod, Now).Refusal!.Errors.Keys.ShouldBe(["intoQuestionId"]);
        MergeQuestionEndpoint.Decide(duplicate, null, null, new MergeQuestion(Guid.NewGuid(), "Dubbel", true), Mod, Now).Refusal!.Status.ShouldBe(404);
        MergeQuestionEndpoint.Decide(duplicate, null, target with { Status = QuestionStatus.Withdrawn }, new MergeQuestion(target.Id, "Dubbel", true), Mod, Now).Refusal!.Status.ShouldBe(409);
        MergeQuestionEndpoint.Decide(duplicate, coalition, target, new MergeQuestion(target.Id, "Dubbel", true), Mod, Now).Events.Select(e => e.GetType().Name)
            .ShouldBe(["QuestionMergedInto", "CoalitionClosed"]);
        MergeQuestionEndpoint.Decide(duplicate, coalition, target, new MergeQuestion(target.Id, "Dubbel"), Mod, Now)
            .Refusal!.Errors.Keys.ShouldBe(["abuse"]);
        var merged = duplicate.Apply(new QuestionMergedInto(duplicate.Id, target.Id, Mod.Id, "Dubbel", Now));
        QuestionRules.MustBeOpen(merged)!.Detail.ShouldContain("samengevoegd");
    }
}

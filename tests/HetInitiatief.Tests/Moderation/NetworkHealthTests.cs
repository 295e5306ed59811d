using HetInitiatief.Members;
using HetInitiatief.Moderation;
using K = HetInitiatief.Moderation.HealthFactKinds;

namespace HetInitiatief.Tests.Moderation;

/// <summary>The indicators as a pure function of the facts, against numbers worked out by hand.</summary>
public sealed class NetworkHealthTests
{
    private static readonly HealthWeek Week = new(2024, 20);
    private long _sequence;

    private HealthFact Fact(string kind, Guid member, DateTimeOffset at, Guid? subject = null, Guid? related = null, string? detail = null) =>
        new(Guid.NewGuid(), ++_sequence, kind, member, at, subject, related, detail);

    private static HealthIndicators Compute(IEnumerable<HealthFact> facts, HealthSettings? settings = null) =>
        NetworkHealth.Compute(NetworkHealth.InOrder(facts), Week, settings ?? new HealthSettings()).Indicators;

    [Fact]
    public void The_seeded_scenario_gives_every_hand_computed_value()
    {
        var (indicators, shops) = NetworkHealth.Compute(NetworkHealth.InOrder(HealthScenario.Facts()), HealthScenario.Week, HealthScenario.Settings);

        HealthScenario.ShouldBeTheHandComputedWeek(indicators);
        HealthScenario.ShouldBeTheHandComputedShops(shops);
    }

    [Fact]
    public void The_dashboard_of_a_week_is_the_same_whatever_happened_after_it()
    {
        var all = HealthScenario.Facts();
        var known = all.Where(f => f.At < HealthScenario.Week.End).ToList();

        var later = NetworkHealth.Dashboard(all, HealthScenario.Week, HealthScenario.Settings);
        var then = NetworkHealth.Dashboard(known.AsEnumerable().Reverse(), HealthScenario.Week, HealthScenario.Settings);

        System.Text.Json.JsonSerializer.Serialize(later).ShouldBe(System.Text.Json.JsonSerializer.Serialize(then));
    }

    [Fact]
    public void The_trend_is_twelve_weeks_oldest_first_ending_with_the_week_itself()
    {
        var dashboard = NetworkHealth.Dashboard(HealthScenario.Facts(), HealthScenario.Week, HealthScenario.Settings);

        dashboard.Trend.Select(t => t.Week).ShouldBe(Enumerable.Range(9, 12).Select(n => $"2024-W{n:D2}"));
        dashboard.Trend[^1].ShouldBe(dashboard.Indicators);
        // Five members registered in W10, the sixth at the start of W20.
        dashboard.Trend.Select(t => t.Members).ShouldBe([0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6]);
        dashboard.Trend[1].NewMembers.ShouldBe(5);
    }

    [Fact]
    public void With_nothing_to_count_every_share_is_empty_rather_than_zero()
    {
        var i = Compute([]);

        new[] { i.Reciprocity, i.MemberOwnership, i.Breadth, i.CrossSchool, i.DemandDriven }.ShouldAllBe(r => r.Whole == 0 && r.Share == null);
        i.NotOurNetwork.ShouldBeFalse();
        i.TopContributors.ShouldBe(0);
    }

    [Theory]
    [InlineData(10, 1, 10, 19)] // ten contributors: the top 10% is exactly one
    [InlineData(11, 2, 20, 29)] // eleven: 1.1 is rounded up to two
    [InlineData(1, 1, 10, 10)]
    public void Breadth_is_the_share_of_the_most_active_tenth_rounded_up(int contributors, int top, int topContributions, int all)
    {
        // The first contributor gives ten times, the second (if any) ten times when there are eleven, everyone else once.
        var counts = Enumerable.Range(0, contributors).Select(n => n == 0 || (n == 1 && contributors == 11) ? 10 : 1).ToList();

        var breadth = NetworkHealth.Breadth(counts, out var topMembers);

        topMembers.ShouldBe(top);
        breadth.ShouldBe(new Ratio(topContributions, all));
    }

    [Theory]
    [InlineData(1, 1, false)] // facilitators organised exactly half: not above the 50% setting
    [InlineData(1, 2, true)] // two thirds
    [InlineData(0, 1, true)]
    [InlineData(1, 0, false)]
    public void Not_our_network_warns_only_when_facilitators_organise_more_than_the_setting(int byMembers, int byFacilitators, bool warns)
    {
        var (member, provider) = (Guid.NewGuid(), Guid.NewGuid());
        var facts = new List<HealthFact> { Fact(K.RoleGranted, provider, Week.Start.AddDays(-100), detail: MemberRoles.Provider) };
        for (var n = 0; n < byMembers; n++) facts.Add(Fact(K.CoalitionFormed, member, Week.Start, Guid.NewGuid(), Guid.NewGuid()));
        for (var n = 0; n < byFacilitators; n++) facts.Add(Fact(K.SessionScheduled, provider, Week.Start, Guid.NewGuid()));

        var i = Compute(facts);

        i.MemberOwnership.ShouldBe(new Ratio(byMembers, byMembers + byFacilitators));
        i.NotOurNetwork.ShouldBe(warns);
    }

    [Fact]
    public void The_role_that_counts_is_the_one_held_at_that_moment_including_one_granted_at_that_very_moment()
    {
        var (granted, revoked, leader) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = Week.Start.AddDays(1);
        var facts = new[]
        {
            Fact(K.SessionScheduled, granted, at, Guid.NewGuid()),
            Fact(K.RoleGranted, granted, at, detail: MemberRoles.Moderator),
            Fact(K.RoleGranted, revoked, at.AddDays(-30), detail: MemberRoles.Admin),
            Fact(K.RoleRevoked, revoked, at.AddDays(-1), detail: MemberRoles.Admin),
            Fact(K.SessionScheduled, revoked, at, Guid.NewGuid()),
            Fact(K.RoleGranted, leader, at.AddDays(-30), detail: MemberRoles.SchoolLeader),
            Fact(K.SessionScheduled, leader, at, Guid.NewGuid()),
        };

        // The new moderator facilitated; the former admin and the school leader are members like any other.
        Compute(facts).MemberOwnership.ShouldBe(new Ratio(2, 3));
    }

    [Fact]
    public void A_praatgroep_is_exactly_old_enough_at_the_set_number_of_weeks_and_needs_the_set_discussion()
    {
        var settings = new HealthSettings(TalkWeeks: 2, TalkFollowUps: 3);
        var exactly = Week.End.AddDays(-14);
        var (old, young, quiet) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var facts = new List<HealthFact>
        {
            Fact(K.QuestionPosted, Guid.NewGuid(), exactly, old),
            Fact(K.QuestionPosted, Guid.NewGuid(), exactly.AddTicks(1), young),
            Fact(K.QuestionPosted, Guid.NewGuid(), exactly, quiet),
        };
        foreach (var q in new[] { old, young, old, young, old, young, quiet, quiet })
            facts.Add(Fact(K.FollowUpAsked, Guid.NewGuid(), Week.Start, q));

        var (indicators, shops) = NetworkHealth.Compute(NetworkHealth.InOrder(facts), Week, settings);

        shops.ShouldHaveSingleItem().ShouldBe(new TalkingShop(TalkingShop.Question, old, null, exactly, 3));
        indicators.TalkingShops.ShouldBe(1);
    }

    [Fact]
    public void A_session_for_its_coalition_or_a_goal_ends_a_praatgroep_and_a_withdrawn_question_is_none()
    {
        var settings = new HealthSettings(TalkWeeks: 1, TalkFollowUps: 1, TalkCoalitionMembers: 2);
        var longAgo = Week.Start.AddDays(-60);
        var (served, aimed, withdrawn, coalition) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var facts = new List<HealthFact>();
        foreach (var q in new[] { served, aimed, withdrawn })
        {
            facts.Add(Fact(K.QuestionPosted, Guid.NewGuid(), longAgo, q));
            facts.Add(Fact(K.FollowUpAsked, Guid.NewGuid(), longAgo.AddDays(1), q));
        }
        facts.Add(Fact(K.CoalitionFormed, Guid.NewGuid(), longAgo, coalition, served));
        facts.Add(Fact(K.CoalitionJoined, Guid.NewGuid(), longAgo.AddDays(1), coalition));
        facts.Add(Fact(K.SessionScheduled, Guid.NewGuid(), longAgo.AddDays(2), Guid.NewGuid(), coalition));
        facts.Add(Fact(K.GoalSet, Guid.NewGuid(), longAgo.AddDays(2), aimed));
        facts.Add(Fact(K.QuestionWithdrawn, Guid.NewGuid(), longAgo.AddDays(2), withdrawn));

        NetworkHealth.Compute(NetworkHealth.InOrder(facts), Week, settings).TalkingShops.ShouldBeEmpty();
    }

    [Fact]
    public void Trials_reviewed_and_initiatives_completed_count_in_their_week_and_in_total()
    {
        var coalition = Guid.NewGuid();
        var facts = new[]
        {
            Fact(K.CoalitionFormed, Guid.NewGuid(), Week.Start.AddDays(-60), coalition, Guid.NewGuid()),
            Fact(K.TrialReviewed, Guid.NewGuid(), Week.Start.AddTicks(-1), coalition, Guid.NewGuid()),
            Fact(K.TrialReviewed, Guid.NewGuid(), Week.Start, coalition, Guid.NewGuid()),
            Fact(K.TrialReviewed, Guid.NewGuid(), Week.End, coalition, Guid.NewGuid()),
            Fact(K.InitiativeCompleted, Guid.NewGuid(), Week.End.AddTicks(-1), coalition, Guid.NewGuid()),
        };

        var i = Compute(facts);

        (i.TrialsReviewed, i.TrialsReviewedTotal).ShouldBe((1, 2));
        (i.InitiativesCompleted, i.InitiativesCompletedTotal).ShouldBe((1, 1));
        Compute(facts.Where(f => f.Kind != K.InitiativeCompleted)).InitiativesCompletedTotal.ShouldBe(0);
    }

    [Fact]
    public void A_coalition_underway_with_three_sessions_held_and_no_trial_is_on_the_decay_arc()
    {
        var longAgo = Week.Start.AddDays(-60);
        var (stalled, early, trying) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (completed, closed) = (Guid.NewGuid(), Guid.NewGuid());
        var facts = new List<HealthFact>();
        var questions = new Dictionary<Guid, Guid>();
        HealthFact Held(Guid coalition, DateTimeOffset ends, Guid? session = null) =>
            Fact(K.SessionScheduled, Guid.NewGuid(), longAgo.AddDays(1), session ?? Guid.NewGuid(), coalition)
                with { Ends = ends };
        foreach (var c in new[] { stalled, early, trying, completed, closed })
        {
            questions[c] = Guid.NewGuid();
            facts.Add(Fact(K.CoalitionFormed, Guid.NewGuid(), longAgo, c, questions[c]));
            facts.Add(Held(c, longAgo.AddDays(10)));
            facts.Add(Held(c, longAgo.AddDays(20)));
        }
        // The third session of "stalled" ends one tick before the week does; "early"'s ends with the week:
        // not held yet.
        facts.Add(Held(stalled, Week.End.AddTicks(-1)));
        facts.Add(Held(early, Week.End));
        foreach (var c in new[] { trying, completed, closed }) facts.Add(Held(c, longAgo.AddDays(30)));
        facts.Add(Fact(K.TrialAgreed, Guid.NewGuid(), longAgo.AddDays(40), trying, Guid.NewGuid()));
        facts.Add(Fact(K.InitiativeCompleted, Guid.NewGuid(), longAgo.AddDays(40), completed, questions[completed]));
        facts.Add(Fact(K.CoalitionClosed, Guid.Empty, longAgo.AddDays(40), closed));
        // A called-off session and one moved past the week are not held, whatever their first end said.
        var (calledOff, moved) = (Guid.NewGuid(), Guid.NewGuid());
        facts.Add(Held(early, longAgo.AddDays(5), calledOff));
        facts.Add(Fact(K.SessionCalledOff, Guid.Empty, longAgo.AddDays(4), calledOff));
        facts.Add(Held(early, longAgo.AddDays(5), moved));
        facts.Add(Fact(K.SessionMoved, Guid.NewGuid(), longAgo.AddDays(4), moved) with { Ends = Week.End.AddDays(7) });

        var dashboard = NetworkHealth.Dashboard(facts, Week, new HealthSettings());

        dashboard.StalledCoalitions.ShouldHaveSingleItem().ShouldBe(
            new StalledCoalition(stalled, questions[stalled], 3, Week.End.AddTicks(-1)));
        dashboard.Indicators.StalledCoalitions.ShouldBe(1);
        // With the number set to two, "early" (two held, two not) joins; the others still do not.
        NetworkHealth.Dashboard(facts, Week, new HealthSettings(StalledSessions: 2)).StalledCoalitions
            .Select(c => c.CoalitionId).ShouldBe([early, stalled], ignoreOrder: true);
    }

    [Fact]
    public void The_facts_of_the_initiative_and_of_sessions_moved_or_called_off_keep_only_ids_and_moments()
    {
        var (coalition, question, trial) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (session, member) = (Guid.NewGuid(), Guid.NewGuid());
        var at = Week.Start;

        HealthFacts.From(Guid.NewGuid(), 1, new HetInitiatief.Initiative.TrialAgreed(coalition, trial, 1, member,
                "Tien woorden per dag", new DateOnly(2024, 6, 1), "Gebruik", at))!
            .ShouldSatisfyAllConditions(
                f => f.Kind.ShouldBe(K.TrialAgreed), f => f.Subject.ShouldBe(coalition),
                f => f.Related.ShouldBe(trial));
        HealthFacts.From(Guid.NewGuid(), 2,
                new HetInitiatief.Initiative.InitiativeCompleted(coalition, question, member, "Feest", at))!
            .Related.ShouldBe(question);
        HealthFacts.From(Guid.NewGuid(), 3,
                new HetInitiatief.Sessions.SessionMoved(session, member, at.AddDays(2), at.AddDays(3), at, at))!
            .Ends.ShouldBe(at.AddDays(3));
        HealthFacts.From(Guid.NewGuid(), 4,
                new HetInitiatief.Sessions.SessionCalledOff(session, "cancelledByHost", 0, 1, at))!
            .Kind.ShouldBe(K.SessionCalledOff);
    }

    [Fact]
    public void Schools_are_compared_trimmed_and_case_insensitively_and_an_empty_school_is_none()
    {
        HealthFacts.SchoolKey("  De Regenboog ").ShouldBe(HealthFacts.SchoolKey("de regenboog"));
        HealthFacts.SchoolKey("De Regenboog").ShouldNotBe(HealthFacts.SchoolKey("Het Baken"));
        HealthFacts.SchoolKey("   ").ShouldBeNull();
        HealthFacts.SchoolKey("De Regenboog")!.ShouldNotContain("regenboog", Case.Insensitive);
    }

    [Fact]
    public void Following_up_on_your_own_question_is_not_giving()
    {
        var (owner, other, question) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var facts = new[]
        {
            Fact(K.QuestionPosted, owner, Week.Start, question),
            Fact(K.FollowUpAsked, owner, Week.Start.AddHours(1), question),
            Fact(K.QuestionPosted, other, Week.Start, Guid.NewGuid()),
            Fact(K.FollowUpAsked, other, Week.Start.AddHours(1), question),
        };

        Compute(facts).Reciprocity.ShouldBe(new Ratio(1, 2));
    }

    [Theory]
    [InlineData("2026-W47", 2026, 47)]
    [InlineData("2020-W53", 2020, 53)]
    [InlineData(" 2026-W01 ", 2026, 1)]
    public void A_week_is_read_as_year_and_iso_week(string text, int year, int number)
    {
        HealthWeek.TryParse(text, out var week).ShouldBeTrue();
        week.ShouldBe(new HealthWeek(year, number));
        week.Start.DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Theory]
    [InlineData("2026-47")]
    [InlineData("2026-W54")]
    [InlineData("2021-W53")]
    [InlineData("2026-W00")]
    [InlineData("volgende week")]
    public void A_malformed_week_is_refused(string text) => HealthWeek.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void The_week_of_a_moment_runs_from_monday_to_monday_in_utc()
    {
        var week = HealthWeek.Containing(new DateTimeOffset(2027, 1, 3, 23, 59, 0, TimeSpan.Zero)); // a Sunday
        week.ToString().ShouldBe("2026-W53");
        (week.Start, week.End).ShouldBe((new DateTimeOffset(2026, 12, 28, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero)));
        week.Minus(53).ToString().ShouldBe("2025-W52");
    }
}

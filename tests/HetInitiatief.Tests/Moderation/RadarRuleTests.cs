using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Moderation;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Moderation;

/// <summary>Every radar rule on hand-made facts, at both sides of its boundary.</summary>
public sealed class RadarRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly RadarSettings Settings = RadarSettings.Default;

    private static QuestionDetails Question(TimeSpan age, string theme = "taal-en-lezen", string sector = "po") =>
        QuestionDetails.Create(new QuestionPosted(Guid.NewGuid(), Guid.NewGuid(), "Hoe leer ik woorden?", "Context", "Waarom", "Weet", [theme], sector, Now - age));

    private static QuestionDetails WithFollowUp(QuestionDetails q, TimeSpan age, bool answered = false)
    {
        var followUp = Guid.NewGuid();
        var asked = q.Apply(new FollowUpAsked(q.Id, followUp, Guid.NewGuid(), "Welke woorden?", Now - age));
        return answered ? asked.Apply(new FollowUpAnswered(q.Id, followUp, q.OwnerId, "Deze.", Now - age + TimeSpan.FromMinutes(1))) : asked;
    }

    private static CoalitionDetails Coalition(QuestionDetails q, DateTimeOffset? closesAt, TimeSpan? reachedAgo = null)
    {
        var formed = CoalitionDetails.Create(new CoalitionFormed(HetInitiatief.Coalitions.Coalition.IdFor(q.Id), q.Id, q.OwnerId, 3, closesAt, "Samen leren", Now - TimeSpan.FromDays(30)));
        return reachedAgo is { } ago ? formed.Apply(new CoalitionThresholdReached(formed.Id, 3, 3, Now - ago)) : formed;
    }

    private static IReadOnlyList<RadarItem> Radar(IReadOnlyList<QuestionDetails> questions, IReadOnlyList<CoalitionDetails>? coalitions = null, IReadOnlyList<SupplyFact>? supply = null) =>
        HetInitiatief.Moderation.Radar.Compute(new RadarFacts(questions, coalitions ?? [], supply ?? []), Settings, Now).Items;

    [Fact]
    public void A_question_nobody_probed_is_on_the_radar_from_48_hours_not_at_47()
    {
        var at47 = Question(TimeSpan.FromHours(47));
        var at48 = Question(TimeSpan.FromHours(48));
        var at49 = Question(TimeSpan.FromHours(49));
        var probed = WithFollowUp(Question(TimeSpan.FromHours(49)), TimeSpan.FromHours(1));

        var unprobed = Radar([at47, at48, at49, probed]).Where(i => i.Kind == RadarKinds.Unprobed).Select(i => i.QuestionId).ToList();

        unprobed.ShouldBe([at49.Id, at48.Id]);
        Radar([at49]).Single(i => i.Kind == RadarKinds.Unprobed).Since.ShouldBe(at49.PostedAt);
    }

    [Fact]
    public void A_follow_up_the_owner_left_unanswered_is_on_the_radar_from_5_days()
    {
        var young = WithFollowUp(Question(TimeSpan.FromDays(10)), TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1));
        var old = WithFollowUp(Question(TimeSpan.FromDays(10)), TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        var answered = WithFollowUp(Question(TimeSpan.FromDays(10)), TimeSpan.FromDays(6), answered: true);

        Radar([young, old, answered]).Where(i => i.Kind == RadarKinds.UnansweredFollowUp).Select(i => i.QuestionId).ShouldBe([old.Id]);
    }

    [Fact]
    public void A_coalition_below_its_threshold_is_on_the_radar_in_its_last_7_days()
    {
        var questions = Enumerable.Range(0, 4).Select(_ => WithFollowUp(Question(TimeSpan.FromDays(20)), TimeSpan.FromDays(1), answered: true)).ToList();
        var in6Days = Coalition(questions[0], Now.AddDays(6));
        var in8Days = Coalition(questions[1], Now.AddDays(8));
        var reached = Coalition(questions[2], Now.AddDays(3), reachedAgo: TimeSpan.FromDays(1));
        var passed = Coalition(questions[3], Now.AddHours(-1));

        Radar(questions, [in6Days, in8Days, reached, passed]).Where(i => i.Kind == RadarKinds.ClosingBelowThreshold).Select(i => i.QuestionId).ShouldBe([questions[0].Id]);
    }

    [Fact]
    public void A_coalition_at_its_threshold_without_an_offer_is_on_the_radar_after_14_days()
    {
        var questions = Enumerable.Range(0, 3).Select(_ => WithFollowUp(Question(TimeSpan.FromDays(40)), TimeSpan.FromDays(1), answered: true)).ToList();
        var after13 = Coalition(questions[0], null, reachedAgo: TimeSpan.FromDays(13));
        var after15 = Coalition(questions[1], null, reachedAgo: TimeSpan.FromDays(15));
        var offered = Coalition(questions[2], null, reachedAgo: TimeSpan.FromDays(15));
        var offer = new SupplyFact(["taal-en-lezen"], "po", Now.AddDays(-2), offered.Id);

        Radar(questions, [after13, after15, offered], [offer]).Where(i => i.Kind == RadarKinds.NoOffer).Select(i => i.QuestionId).ShouldBe([questions[1].Id]);
    }

    [Fact]
    public void The_heat_map_counts_demand_against_recent_supply_per_theme_and_sector()
    {
        var po = WithFollowUp(Question(TimeSpan.FromDays(3), "rekenen", "po"), TimeSpan.FromDays(1), answered: true);
        var vo = WithFollowUp(Question(TimeSpan.FromDays(3), "rekenen", "vo"), TimeSpan.FromDays(1), answered: true);
        var mbo = WithFollowUp(Question(TimeSpan.FromDays(3), "rekenen", "mbo"), TimeSpan.FromDays(1), answered: true);
        var coalition = Coalition(po, null)
            .Apply(new MemberJoinedCoalition(HetInitiatief.Coalitions.Coalition.IdFor(po.Id), Guid.NewGuid(), Positions.Partner, "Ik ook", Now.AddDays(-1)))
            .Apply(new MemberJoinedCoalition(HetInitiatief.Coalitions.Coalition.IdFor(po.Id), Guid.NewGuid(), Positions.User, "Graag", Now.AddDays(-1)));
        var supply = new[]
        {
            new SupplyFact(["rekenen"], "vo", Now.AddDays(-89), null),
            new SupplyFact(["rekenen"], "mbo", Now.AddDays(-91), null),
        };

        var radar = HetInitiatief.Moderation.Radar.Compute(new RadarFacts([po, vo, mbo], [coalition], supply), Settings, Now);

        Cell(radar, "rekenen", "po").ShouldBe(new HeatCell("rekenen", "po", 3, 0));
        Cell(radar, "rekenen", "vo").ShouldBe(new HeatCell("rekenen", "vo", 1, 1));
        Cell(radar, "rekenen", "mbo").ShouldBe(new HeatCell("rekenen", "mbo", 1, 0));
        radar.Items.Where(i => i.Kind == RadarKinds.ThemeWithoutSupply).Select(i => i.Sector).ShouldBe(["po", "mbo"], ignoreOrder: true);

        // A session without a sector supplies every sector of its theme.
        var everywhere = HetInitiatief.Moderation.Radar.Compute(new RadarFacts([po, vo, mbo], [coalition], [new SupplyFact(["rekenen"], null, Now.AddDays(10), null)]), Settings, Now);
        everywhere.Items.ShouldNotContain(i => i.Kind == RadarKinds.ThemeWithoutSupply);
    }

    [Fact]
    public void Item_ids_are_stable_so_actions_find_their_item_again()
    {
        var question = Question(TimeSpan.FromDays(3));
        Radar([question]).First().Id.ShouldBe(Radar([question]).First().Id);
        RadarItem.IdFor("unprobed:a").ShouldNotBe(RadarItem.IdFor("unprobed:b"));
    }

    [Fact]
    public void A_trial_nobody_looked_back_on_is_on_the_radar_from_the_first_moment_after_its_last_day_in_Dutch_time()
    {
        var question = Question(TimeSpan.FromDays(60));
        var until = new DateOnly(2026, 11, 24);
        var trial = Guid.NewGuid();
        var formed = Coalition(question, null, reachedAgo: TimeSpan.FromDays(20));
        var trying = formed
            .Apply(new ApproachRecorded(formed.Id, 1, question.OwnerId, "Woorden", "Groep 5", "Meer woorden", null,
                Now.AddDays(-19)))
            .Apply(new TrialAgreed(formed.Id, trial, 1, question.OwnerId, "Elke dag tien woorden", until,
                "Gebruiken ze de woorden?", Now.AddDays(-18)));
        var over = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(1));

        HetInitiatief.Moderation.Radar.DayAfter(until).ShouldBe(over);
        TrialsOverdue([question], [trying], over - TimeSpan.FromTicks(1)).ShouldBeEmpty();
        var item = TrialsOverdue([question], [trying], over).ShouldHaveSingleItem();
        (item.Key, item.Since, item.Link)
            .ShouldBe(($"{RadarKinds.TrialOverdue}:{trial}", over, $"/vragen/{question.Id}#coalitie"));
        item.Why.ShouldContain("24 november 2026");

        var reviewed = trying
            .Apply(new ExperienceShared(trying.Id, Guid.NewGuid(), trial, question.OwnerId, "observation", "Ging goed",
                Now.AddDays(-2)))
            .Apply(new TrialReviewed(trying.Id, trial, question.OwnerId, "De woorden", "Meer herhalen",
                Now.AddDays(-1)));
        TrialsOverdue([question], [reviewed], over.AddDays(3)).ShouldBeEmpty();
    }

    [Fact]
    public void A_coalition_underway_without_activity_is_on_the_radar_once_the_idle_weeks_have_fully_passed()
    {
        var questions = Enumerable.Range(0, 2)
            .Select(_ => WithFollowUp(Question(TimeSpan.FromDays(90)), TimeSpan.FromDays(80), answered: true)).ToList();
        var quiet = Coalition(questions[0], null, reachedAgo: Settings.CoalitionIdle);
        var justActive = Coalition(questions[1], null, reachedAgo: Settings.CoalitionIdle - TimeSpan.FromTicks(1));

        var idle = Radar(questions, [quiet, justActive]).Where(i => i.Kind == RadarKinds.CoalitionIdle).ToList();

        Settings.CoalitionIdle.ShouldBe(TimeSpan.FromDays(28));
        var item = idle.ShouldHaveSingleItem();
        (item.QuestionId, item.Since, item.Link)
            .ShouldBe((questions[0].Id, quiet.LastActivityAt, $"/vragen/{questions[0].Id}#coalitie"));
        // Waking up and going quiet again makes a new item: a dismissal of the earlier silence does not hide it.
        var again = quiet.Apply(new InitiativeUpdatePosted(quiet.Id, Guid.NewGuid(), questions[0].OwnerId, "Nieuws",
            Now - Settings.CoalitionIdle - TimeSpan.FromDays(1)));
        Radar(questions, [again]).Single(i => i.Kind == RadarKinds.CoalitionIdle).Id.ShouldNotBe(item.Id);
    }

    [Fact]
    public void A_completed_initiative_without_a_success_story_is_on_the_radar_once_the_story_days_have_fully_passed()
    {
        var questions = Enumerable.Range(0, 4)
            .Select(_ => WithFollowUp(Question(TimeSpan.FromDays(120)), TimeSpan.FromDays(100), answered: true))
            .ToList();
        var told = questions[2].Apply(new SuccessStoryPublished(questions[2].Id, Guid.NewGuid(), questions[2].OwnerId,
            "We geven nu allemaal woordenschatles.", Now.AddDays(-1)));
        CompletedInitiative Done(QuestionDetails q, TimeSpan ago) =>
            new(HetInitiatief.Coalitions.Coalition.IdFor(q.Id), q.Id, Now - ago);
        var completed = new[]
        {
            Done(questions[0], Settings.StoryAfter), Done(questions[1], Settings.StoryAfter - TimeSpan.FromTicks(1)),
            Done(told, TimeSpan.FromDays(30)), Done(questions[3], TimeSpan.FromDays(30)),
        };

        var items = HetInitiatief.Moderation.Radar.Compute(
                new RadarFacts([questions[0], questions[1], told], [], [], completed), Settings, Now).Items
            .Where(i => i.Kind == RadarKinds.CompletedWithoutStory).ToList();

        Settings.StoryAfter.ShouldBe(TimeSpan.FromDays(14));
        var item = items.ShouldHaveSingleItem();
        (item.QuestionId, item.Since, item.Link).ShouldBe((questions[0].Id, Now - Settings.StoryAfter,
            $"/vragen/{questions[0].Id}#coalitie"));
        item.Key.ShouldBe($"{RadarKinds.CompletedWithoutStory}:{completed[0].CoalitionId}");
    }

    private static List<RadarItem> TrialsOverdue(
        IReadOnlyList<QuestionDetails> questions, IReadOnlyList<CoalitionDetails> coalitions, DateTimeOffset now) =>
        HetInitiatief.Moderation.Radar.Compute(new RadarFacts(questions, coalitions, []), Settings, now).Items
            .Where(i => i.Kind == RadarKinds.TrialOverdue).ToList();

    private static HeatCell Cell(RadarView radar, string theme, string sector) => radar.HeatMap.Single(c => c.Theme == theme && c.Sector == sector);
}

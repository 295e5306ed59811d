using HetInitiatief.Coalitions;
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

    private static HeatCell Cell(RadarView radar, string theme, string sector) => radar.HeatMap.Single(c => c.Theme == theme && c.Sector == sector);
}

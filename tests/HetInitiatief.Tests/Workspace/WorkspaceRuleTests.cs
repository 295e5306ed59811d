using HetInitiatief.Coalitions;
using HetInitiatief.Questions;
using HetInitiatief.Workspace;
using JasperFx.Events;

namespace HetInitiatief.Tests.Workspace;

/// <summary>The werkplek's rules on hand-made documents: which coalitions wait for me, and who hears of a change.</summary>
public sealed class WorkspaceRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Me = Guid.NewGuid();

    private static CoalitionDetails ACoalition(int partners, int threshold, DateTimeOffset? closesAt = null, bool reached = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Me, threshold, closesAt, "Samen leren", CoalitionStatus.Open, Now.AddDays(-10), reached ? Now.AddDays(-1) : null,
            [new(Me, Positions.Initiator, "", Now.AddDays(-10)), .. Enumerable.Range(1, partners - 1).Select(_ => new CoalitionDetails.Member(Guid.NewGuid(), Positions.Partner, "", Now.AddDays(-5)))],
            null, Now.AddDays(-1), partners);

    private static IReadOnlyList<WaitingItem> Needing(params CoalitionDetails[] coalitions) =>
        MyWorkspace.CoalitionsNeedingMe(coalitions, new Dictionary<Guid, string>(), Now);

    [Fact]
    public void A_coalition_one_or_two_partners_short_waits_for_me_three_short_does_not()
    {
        Needing(ACoalition(5, 6)).ShouldHaveSingleItem().Title.ShouldBe("Nog 1 partner nodig");
        Needing(ACoalition(4, 6)).ShouldHaveSingleItem().Title.ShouldBe("Nog 2 partners nodig");
        Needing(ACoalition(3, 6)).ShouldBeEmpty();
        Needing(ACoalition(6, 6, reached: true)).ShouldBeEmpty();
    }

    [Fact]
    public void A_coalition_closing_within_seven_days_waits_for_me_however_far_it_is_from_its_threshold()
    {
        Needing(ACoalition(1, 10, Now.AddDays(7))).ShouldHaveSingleItem().Title.ShouldBe("Sluit over 7 dagen: nog 9 partners nodig");
        Needing(ACoalition(1, 10, Now.AddDays(1))).ShouldHaveSingleItem().Title.ShouldStartWith("Sluit morgen");
        Needing(ACoalition(1, 10, Now.AddDays(7).AddMinutes(1))).ShouldBeEmpty();
        Needing(ACoalition(1, 10, Now.AddDays(-1))).ShouldBeEmpty();
    }

    [Fact]
    public void The_nearest_deadline_comes_first_then_the_fewest_partners_missing()
    {
        var two = ACoalition(4, 6);
        var one = ACoalition(5, 6);
        var closing = ACoalition(1, 10, Now.AddDays(3));

        Needing(two, one, closing).Select(i => i.Link).ShouldBe(new[] { closing, one, two }.Select(c => $"/vragen/{c.QuestionId}#coalitie"));
    }

    [Fact]
    public void A_follow_up_is_news_for_the_owner_and_its_answer_for_the_asker_never_for_the_one_who_acted()
    {
        var owner = Guid.NewGuid();
        var asker = Guid.NewGuid();
        var questionId = Guid.NewGuid();
        var followUpId = Guid.NewGuid();
        var question = new QuestionDetails(questionId, owner, "Titel", "", "", "", ["rekenen"], "po", QuestionStatus.Open, null, null, Now, Now, 2,
            [new(followUpId, asker, "Waarom?", Now, null, null)], []);
        var questions = new Dictionary<Guid, QuestionDetails> { [questionId] = question };
        var none = new Dictionary<Guid, CoalitionDetails>();

        WorkspaceChanged.From(Event(questionId, new FollowUpAsked(questionId, followUpId, asker, "Waarom?", Now)), questions, none)
            .ShouldBe([new WorkspaceChanged(owner, "followUpAsked")]);
        WorkspaceChanged.From(Event(questionId, new FollowUpAnswered(questionId, followUpId, owner, "Daarom.", Now)), questions, none)
            .ShouldBe([new WorkspaceChanged(asker, "followUpAnswered")]);
        WorkspaceChanged.From(Event(questionId, new GoalSet(questionId, owner, "Een doel dat lang genoeg is", Now)), questions, none).ShouldBeEmpty();
    }

    [Fact]
    public void A_join_is_news_for_the_other_members_of_the_coalition()
    {
        var coalition = ACoalition(3, 6);
        var joiner = coalition.Members[^1].MemberId;
        var coalitions = new Dictionary<Guid, CoalitionDetails> { [coalition.Id] = coalition };

        var changes = WorkspaceChanged.From(Event(coalition.Id, new MemberJoinedCoalition(coalition.Id, joiner, Positions.Partner, "", Now)),
            new Dictionary<Guid, QuestionDetails>(), coalitions).ToList();

        changes.Select(c => c.MemberId).ShouldBe(coalition.Members.Select(m => m.MemberId).Where(m => m != joiner), ignoreOrder: true);
        changes.ShouldAllBe(c => c.Change == "coalitionChanged");
    }

    private static IEvent Event(Guid streamId, object data) => new Event<object>(data) { StreamId = streamId };
}

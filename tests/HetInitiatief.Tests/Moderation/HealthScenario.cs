using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// A small network in the spring of 2024, written as the events it would have produced, with every
/// indicator for week 2024-W20 worked out by hand (docs/health.md has the definitions):
///
/// Window: W17 to W20 (2024-04-22 to 2024-05-20, exclusive). Members A, B, C, P (provider), M (moderator
/// until W19 Wednesday) registered in W10; D at the very start of W20; E at the very end (not counted).
/// Acts in the window: A 5 (asked, gave), C 5 (asked, gave), D 4 (asked, gave), B 3 (asked), M 2, P 1 = 20.
///
/// - reciprocity: A, C, D of the 6 active = 3/6
/// - ownership: K1 (A), S3 (M, no longer moderator), S4 (A) by members; S1 (provider P), S2 (moderator M) not = 3/5, no warning
/// - praatgroepen: Q1 (old, 2 follow-ups), Q2 (exactly 4 weeks old, 2 follow-ups), K3 (3 members, no session) = 3;
///   not Q3 (one second too young), Q10 (goal set), K2 (session S1), K1 (too young), K5 (closed)
/// - breadth: 6 contributors, top ceil(0.6) = 1 member with 5 = 5/20
/// - cross-school: K1 (Regenboog, Baken), K2 (Regenboog, Baken) of K1, K2, K3 (Regenboog only; C left) = 2/3
/// - demand-driven: S1 and S4 of S1 to S4 = 2/4
/// - growth: 6 members, 1 new (D), 4 active in W20 (A, C, D, M), goal of Q5 reached in W20 (Q7's was revoked) 1 of 1,
///   1 story in W20 of 2
/// </summary>
public static class HealthScenario
{
    public static readonly HealthWeek Week = new(2024, 20);
    public static readonly HealthSettings Settings = new(TalkFollowUps: 2, TalkCoalitionMembers: 3);

    public static DateTimeOffset In(int week, int days = 0, int hours = 0, int seconds = 0) =>
        new HealthWeek(2024, week).Start.AddDays(days).AddHours(hours).AddSeconds(seconds);

    public static readonly Guid A = Id(1), B = Id(2), C = Id(3), D = Id(4), E = Id(5), P = Id(6), M = Id(7);
    public static readonly Guid Q1 = Id(11), Q2 = Id(12), Q3 = Id(13), Q4 = Id(14), Q5 = Id(15), Q6 = Id(16), Q7 = Id(17), Q8 = Id(18), Q9 = Id(19), Q10 = Id(20);
    public static readonly Guid K1 = Id(31), K2 = Id(32), K3 = Id(33), K5 = Id(35);
    public static readonly Guid S1 = Id(41), S2 = Id(42), S3 = Id(43), S4 = Id(44);
    public static readonly Guid Offer = Id(51);

    private static Guid Id(int n) => new($"00000000-0000-7000-8000-{n:D12}");

    /// <summary>The facts the projection makes of the events, numbered in the order they were written.</summary>
    public static IReadOnlyList<HealthFact> Facts() =>
        Events().Select((e, n) => HealthFacts.From(Guid.NewGuid(), n + 1, e.Event)).OfType<HealthFact>().ToList();

    /// <summary>Each event with the stream it belongs to.</summary>
    public static IReadOnlyList<(Guid Stream, object Event)> Events()
    {
        var events = new List<(Guid, object)>();
        void On(Guid stream, object e) => events.Add((stream, e));

        var w10 = In(10);
        foreach (var (member, school) in new[] { (A, "De Regenboog"), (B, "Het Baken"), (C, "Het Baken"), (P, "Het Baken"), (M, "De Regenboog") })
            On(member, new MemberRegistered(member, "Lid", $"{member:N}@school.example", school, "po", w10));
        On(P, new MemberRoleGranted(P, MemberRoles.Provider, Guid.Empty, w10));
        On(M, new MemberRoleGranted(M, MemberRoles.Moderator, Guid.Empty, w10));
        On(B, new MemberProfileUpdated(B, "  de REGENBOOG ", "po", [], [], null, new Dictionary<string, string>(), In(15)));
        On(M, new MemberRoleRevoked(M, MemberRoles.Moderator, Guid.Empty, In(19, days: 2)));
        On(D, new MemberRegistered(D, "Lid", $"{D:N}@school.example", "", "po", In(20)));
        On(E, new MemberRegistered(E, "Lid", $"{E:N}@school.example", "Het Baken", "po", In(21)));

        // Before the window.
        Question(On, Q7, A, In(11));
        On(K5, new CoalitionFormed(K5, Q7, A, 3, null, "Samen", In(11, hours: 1)));
        On(K5, new CoalitionClosed(K5, CoalitionClosed.NotViable, 1, 3, In(14)));
        On(Q7, new GoalOutcomeRecorded(Q7, A, true, In(13)));
        On(Q7, new SuccessStoryPublished(Q7, Guid.NewGuid(), A, "Het lukte ons samen.", In(13)));
        On(Q7, new GoalOutcomeRecorded(Q7, A, false, In(15)));
        Question(On, Q5, B, In(11));
        On(K2, new CoalitionFormed(K2, Q5, B, 3, null, "Samen", In(12)));
        On(K2, new MemberJoinedCoalition(K2, A, "partner", "", In(12, hours: 1)));
        On(K2, new MemberJoinedCoalition(K2, P, "supplier", "", In(13)));
        Question(On, Q6, M, In(11));
        On(K3, new CoalitionFormed(K3, Q6, M, 3, null, "Samen", In(11, hours: 1)));
        On(K3, new MemberJoinedCoalition(K3, A, "partner", "", In(12, hours: 1)));
        On(K3, new MemberJoinedCoalition(K3, B, "partner", "", In(12, hours: 1)));
        On(K3, new MemberJoinedCoalition(K3, C, "partner", "", In(12, hours: 1)));
        On(K3, new MemberLeftCoalition(K3, C, "partner", In(14)));
        Question(On, Q10, P, In(11));
        FollowUp(On, Q10, A, In(12, hours: 1));
        FollowUp(On, Q10, B, In(12, hours: 1));
        FollowUp(On, Q10, C, In(12, hours: 1));
        On(Q10, new GoalSet(Q10, P, "Over zes weken geeft iedereen een les.", In(13)));
        Question(On, Q1, A, In(12));
        FollowUp(On, Q1, B, In(13));

        // In the window (W17 to W20).
        Question(On, Q2, B, In(17));
        Question(On, Q3, C, In(17, seconds: 1));
        FollowUp(On, Q2, A, In(17, days: 1));
        FollowUp(On, Q2, C, In(18));
        Session(On, S1, P, K2, In(18));
        On(S1, new MemberSignedUp(S1, B, In(18, days: 1)));
        FollowUp(On, Q1, C, In(19));
        Question(On, Q4, A, In(19));
        On(K1, new CoalitionFormed(K1, Q4, A, 3, null, "Samen", In(19, hours: 1)));
        On(K1, new MemberJoinedCoalition(K1, B, "partner", "", In(19, hours: 2)));
        On(K1, new MemberJoinedCoalition(K1, C, "partner", "", In(19, hours: 3)));
        Session(On, S2, M, null, In(19));
        On(K1, new MemberJoinedCoalition(K1, D, "partner", "", In(20, hours: 1)));
        FollowUp(On, Q3, D, In(20, hours: 2));
        FollowUp(On, Q3, A, In(20, hours: 3));
        On(Offer, new ProposalMade(Offer, K1, Q4, D, "Werkplaats", "Een les", "werkplaats", "fysiek", "juni", In(20, hours: 4)));
        Question(On, Q9, D, In(20, hours: 5));
        Session(On, S3, M, null, In(20, days: 1));
        Session(On, S4, A, K1, In(20, days: 2));
        On(S1, new FeedbackGiven(S1, C, 5, "Ik geef nu anders feedback.", In(20, days: 3)));
        On(Q5, new GoalOutcomeRecorded(Q5, B, true, In(20, days: 4)));
        On(Q5, new SuccessStoryPublished(Q5, Guid.NewGuid(), B, "Onze leerlingen lezen beter.", In(20, days: 4)));

        // After the week: not counted.
        Question(On, Q8, A, In(21));
        FollowUp(On, Q1, D, In(21));
        return events;
    }

    private static void Question(Action<Guid, object> on, Guid id, Guid by, DateTimeOffset at) =>
        on(id, new QuestionPosted(id, by, "Een leervraag", "Context", "Waarom", "Wat ik weet", ["taal-en-lezen"], "po", at));

    private static void FollowUp(Action<Guid, object> on, Guid question, Guid by, DateTimeOffset at) =>
        on(question, new FollowUpAsked(question, Guid.NewGuid(), by, "Waarom is dit jouw vraag?", at));

    private static void Session(Action<Guid, object> on, Guid id, Guid host, Guid? coalition, DateTimeOffset at) =>
        on(id, new SessionScheduled(id, host, "Werkplaats", "Samen leren", "werkplaats", "fysiek", at.AddDays(30), at.AddDays(30).AddHours(2),
            "School", null, 20, 1, at.AddDays(28), "taal-en-lezen", coalition, null, at));

    /// <summary>The hand-computed numbers for <see cref="Week"/>.</summary>
    public static void ShouldBeTheHandComputedWeek(HealthIndicators i)
    {
        i.Week.ShouldBe("2024-W20");
        i.WeekStarting.ShouldBe(new DateOnly(2024, 5, 13));
        i.Reciprocity.ShouldBe(new Ratio(3, 6));
        i.MemberOwnership.ShouldBe(new Ratio(3, 5));
        i.NotOurNetwork.ShouldBeFalse();
        i.TalkingShops.ShouldBe(3);
        i.Breadth.ShouldBe(new Ratio(5, 20));
        i.TopContributors.ShouldBe(1);
        i.CrossSchool.ShouldBe(new Ratio(2, 3));
        i.DemandDriven.ShouldBe(new Ratio(2, 4));
        (i.Members, i.NewMembers, i.ActiveMembers).ShouldBe((6, 1, 4));
        (i.GoalsReached, i.GoalsReachedTotal, i.SuccessStories, i.SuccessStoriesTotal).ShouldBe((1, 1, 1, 2));
    }

    public static void ShouldBeTheHandComputedShops(IReadOnlyList<TalkingShop> shops) =>
        shops.Select(s => (s.Kind, s.QuestionId, s.Discussion)).OrderBy(s => s.QuestionId).ShouldBe(
        [
            (TalkingShop.Question, Q1, 2),
            (TalkingShop.Question, Q2, 2),
            (TalkingShop.Coalition, Q6, 3),
        ]);
}

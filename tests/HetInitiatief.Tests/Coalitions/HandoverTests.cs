using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Coalitions;

/// <summary>No orphaned initiatives: handing over, and taking on a coalition whose initiator left.</summary>
public sealed class HandoverTests(AppFixture app)
{
    [Fact]
    public async Task The_initiator_hands_over_to_a_partner_who_accepts_and_then_owns_the_question()
    {
        var anna = await app.Host.RegisterMemberAsync("Anna");
        var bram = await app.Host.RegisterMemberAsync("Bram");
        var cas = await app.Host.RegisterMemberAsync("Cas");
        var question = await app.Host.PostQuestionAsync(anna);
        var formed = await app.Host.FormCoalitionAsync(anna, question.QuestionId, threshold: 5);
        await app.Host.JoinAsync(bram, formed.CoalitionId);
        await app.Host.JoinAsync(cas, formed.CoalitionId, Positions.User);

        await app.Host.OfferHandoverAsync(anna, formed.CoalitionId, cas.Id, status: 400);
        await app.Host.OfferHandoverAsync(bram, formed.CoalitionId, anna.Id, status: 403);
        await app.Host.OfferHandoverAsync(anna, formed.CoalitionId, bram.Id);
        (await app.Host.GetsNotifiedAsync(bram, NotificationKinds.HandoverOffered)).ShouldBeTrue();
        await app.Host.AcceptHandoverAsync(cas, formed.CoalitionId, status: 409);
        await app.Host.AcceptHandoverAsync(bram, formed.CoalitionId);

        var coalition = await app.Host.GetCoalitionAsync(anna, question.QuestionId);
        coalition.Initiator!.Name.ShouldBe("Bram");
        coalition.PositionOf(anna.Id).ShouldBe(Positions.Partner);
        var view = await app.Host.GetQuestionAsync(anna, question.QuestionId);
        view.Owner.Name.ShouldBe("Bram");
        await app.Host.SetGoalAsync(anna, question.QuestionId,
            "Over zes weken geven we allemaal een les met feedback.", status: 403);
        await app.Host.SetGoalAsync(bram, question.QuestionId,
            "Over zes weken geven we allemaal een les met feedback.");
    }

    [Fact]
    public async Task A_partner_takes_on_a_coalition_whose_initiator_left()
    {
        var anna = await app.Host.RegisterMemberAsync();
        var bram = await app.Host.RegisterMemberAsync("Bram");
        var user = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(anna);
        var formed = await app.Host.FormCoalitionAsync(anna, question.QuestionId, threshold: 5);
        await app.Host.JoinAsync(bram, formed.CoalitionId);
        await app.Host.JoinAsync(user, formed.CoalitionId, Positions.User);

        await app.Host.TakeOnAsync(bram, formed.CoalitionId, status: 409);
        await app.Host.LeaveAsync(anna, formed.CoalitionId);
        await app.Host.TakeOnAsync(user, formed.CoalitionId, status: 403);
        await app.Host.TakeOnAsync(bram, formed.CoalitionId);

        var coalition = await app.Host.GetCoalitionAsync(bram, question.QuestionId);
        (coalition.SeeksInitiator, coalition.Initiator!.Name).ShouldBe((false, "Bram"));
        (await app.Host.GetQuestionAsync(bram, question.QuestionId)).Owner.Name.ShouldBe("Bram");
    }

    [Fact]
    public void Taking_on_moves_the_question_with_the_initiative()
    {
        var (anna, bram, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var questionId = Guid.NewGuid();
        var id = Coalition.IdFor(questionId);
        var question = Question.Create(new QuestionPosted(questionId, anna, "Titel", "Tekst", "w", "k", ["rekenen"], "po", now));
        var coalition = Coalition.Create(new CoalitionFormed(id, questionId, anna, 3, null, "Samen", now))
            .Apply(new MemberJoinedCoalition(id, bram, Positions.Partner, "Ik doe mee", now))
            .Apply(new MemberLeftCoalition(id, anna, Positions.Initiator, now));

        HandoverEndpoints.DecideTakeOn(coalition, question, bram, now).Events
            .ShouldBe([new InitiativeTakenOn(id, bram, now), new QuestionOwnershipTransferred(questionId, anna, bram, now)]);
    }
}

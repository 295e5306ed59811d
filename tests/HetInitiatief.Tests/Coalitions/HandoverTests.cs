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
        var handover = $"/api/coalitions/{formed.CoalitionId}/handover";

        await app.Host.Scenario(x => { x.Post.Json(new { toMemberId = cas.Id }).ToUrl(handover); x.As(anna); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Post.Json(new { toMemberId = anna.Id }).ToUrl(handover); x.As(bram); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { toMemberId = bram.Id }).ToUrl(handover); x.As(anna); });
        (await app.Host.GetsNotifiedAsync(bram, NotificationKinds.HandoverOffered)).ShouldBeTrue();
        await app.Host.Scenario(x => { x.Post.Url($"{handover}/accept"); x.As(cas); x.StatusCodeShouldBe(409); });
        await app.Host.Scenario(x => { x.Post.Url($"{handover}/accept"); x.As(bram); });

        var coalition = await app.Host.GetCoalitionAsync(anna, question.QuestionId);
        coalition.Initiator!.Name.ShouldBe("Bram");
        coalition.PositionOf(anna.Id).ShouldBe(Positions.Partner);
        var view = await app.Host.GetQuestionAsync(anna, question.QuestionId);
        view.Owner.Name.ShouldBe("Bram");
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { goal = "Over zes weken geven we allemaal een les met feedback." }).ToUrl($"/api/questions/{question.QuestionId}/goal");
            x.As(anna);
            x.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { goal = "Over zes weken geven we allemaal een les met feedback." }).ToUrl($"/api/questions/{question.QuestionId}/goal");
            x.As(bram);
        });
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
        var takeOn = $"/api/coalitions/{formed.CoalitionId}/initiator";

        await app.Host.Scenario(x => { x.Post.Url(takeOn); x.As(bram); x.StatusCodeShouldBe(409); });
        await app.Host.Scenario(x => { x.Delete.Url($"/api/coalitions/{formed.CoalitionId}/members/me"); x.As(anna); });
        await app.Host.Scenario(x => { x.Post.Url(takeOn); x.As(user); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url(takeOn); x.As(bram); });

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

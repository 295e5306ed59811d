using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Tests.Coalitions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Questions;

/// <summary>
/// The question page offers a form only to whom its decision's rule allows it: a member who may not sees no button.
/// </summary>
public sealed class QuestionPageFlagsTests(AppFixture app)
{
    [Fact]
    public async Task Colleagues_get_the_follow_up_form_the_owner_the_owner_tools_and_a_withdrawn_question_neither()
    {
        // Given a question and a colleague
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        // Then the colleague may ask a follow-up and has no owner tools; the owner the other way round
        var colleagues = await QuestionPageAsync(colleague, question.QuestionId);
        colleagues.ShouldContain(Form("FollowUp"));
        colleagues.ShouldNotContain(Form("Reformulate"));
        colleagues.ShouldNotContain(Form("Withdraw"));
        colleagues.ShouldNotContain(Form("Merge"));
        var owners = await QuestionPageAsync(owner, question.QuestionId);
        owners.ShouldNotContain(Form("FollowUp"));
        owners.ShouldContain(Form("Reformulate"));
        owners.ShouldContain(Form("Goal"));
        owners.ShouldContain(Form("Withdraw"));

        // When the owner withdraws it, then nobody is offered anything that would be refused
        await app.Host.Scenario(x => { x.Post.Url($"/api/questions/{question.QuestionId}/withdraw"); x.As(owner); });
        (await QuestionPageAsync(colleague, question.QuestionId)).ShouldNotContain(Form("FollowUp"));
        var withdrawn = await QuestionPageAsync(owner, question.QuestionId);
        withdrawn.ShouldNotContain(Form("Reformulate"));
        withdrawn.ShouldNotContain(Form("Withdraw"));
        withdrawn.ShouldNotContain(Form("FormCoalition"));
    }

    [Fact]
    public async Task Each_member_of_a_coalition_sees_only_the_coalition_forms_their_rules_allow()
    {
        // Given a coalition with an initiator, a partner and a supplier, and a colleague outside it
        var initiator = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var supplier = await app.Host.RegisterMemberAsync();
        var outsider = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(initiator);
        var formed = await app.Host.FormCoalitionAsync(initiator, question.QuestionId, threshold: 5);
        await app.Host.JoinAsync(partner, formed.CoalitionId);
        await app.Host.JoinAsync(supplier, formed.CoalitionId, Positions.Supplier);

        // Then only the outsider may join; members may leave; only non-initiators change position
        var outsiders = await QuestionPageAsync(outsider, question.QuestionId);
        outsiders.ShouldContain(Form("Join"));
        outsiders.ShouldNotContain(Form("Leave"));
        var initiators = await QuestionPageAsync(initiator, question.QuestionId);
        initiators.ShouldNotContain(Form("Join"));
        initiators.ShouldContain(Form("Leave"));
        initiators.ShouldNotContain(Form("ChangePosition"));
        initiators.ShouldContain(Form("OfferHandover"));
        var partners = await QuestionPageAsync(partner, question.QuestionId);
        partners.ShouldContain(Form("ChangePosition"));
        partners.ShouldNotContain(Form("OfferHandover"));
        partners.ShouldNotContain(Form("AcceptHandover"));
        partners.ShouldNotContain(Form("TakeOn"));

        // When the initiator offers the initiative to the partner, then only the partner may accept it
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { toMemberId = partner.Id }).ToUrl($"/api/coalitions/{formed.CoalitionId}/handover");
            x.As(initiator);
        });
        (await QuestionPageAsync(partner, question.QuestionId)).ShouldContain(Form("AcceptHandover"));
        (await QuestionPageAsync(supplier, question.QuestionId)).ShouldNotContain(Form("AcceptHandover"));

        // When the initiator leaves, then the partner may take on the initiative and the supplier may not
        await app.Host.Scenario(x =>
        {
            x.Delete.Url($"/api/coalitions/{formed.CoalitionId}/members/me");
            x.As(initiator);
        });
        (await QuestionPageAsync(partner, question.QuestionId)).ShouldContain(Form("TakeOn"));
        (await QuestionPageAsync(supplier, question.QuestionId)).ShouldNotContain(Form("TakeOn"));

        // When the question is withdrawn (closing its coalition), then nobody joins, leaves or changes position
        await app.Host.Scenario(x => { x.Post.Url($"/api/coalitions/{formed.CoalitionId}/initiator"); x.As(partner); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/questions/{question.QuestionId}/withdraw"); x.As(partner); });
        (await QuestionPageAsync(outsider, question.QuestionId)).ShouldNotContain(Form("Join"));
        var closed = await QuestionPageAsync(supplier, question.QuestionId);
        closed.ShouldNotContain(Form("Leave"));
        closed.ShouldNotContain(Form("ChangePosition"));
    }

    private static string Form(string handler) => $"?handler={handler}\"";

    private async Task<string> QuestionPageAsync(TestMember viewer, Guid questionId) =>
        await (await app.Host.Scenario(x => { x.Get.Url($"/vragen/{questionId}"); x.As(viewer); })).ReadAsTextAsync();
}

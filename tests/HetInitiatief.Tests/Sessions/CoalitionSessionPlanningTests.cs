using System.Text.Json;
using Alba;
using HetInitiatief.Notifications;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Sessions;

/// <summary>
/// A coalition's session is the one its members co-created: it comes from their accepted offer and is planned by the
/// one who made that offer or by the initiator. Nobody plants a session on a coalition.
/// </summary>
public sealed class CoalitionSessionPlanningTests(AppFixture app)
{
    private async Task<(TestMember Initiator, TestMember Partner, Guid CoalitionId)> ACoalitionAtItsThresholdAsync()
    {
        var initiator = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(initiator);
        var coalition = await app.Host.FormCoalitionAsync(initiator, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), coalition.CoalitionId);
        return (initiator, partner, coalition.CoalitionId);
    }

    private Task<IScenarioResult> ScheduleAsync(TestMember by, object plan, int status) =>
        app.Host.Scenario(x =>
        {
            x.Post.Json(plan).ToUrl("/api/sessions");
            x.As(by);
            x.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task Without_an_accepted_offer_nobody_plans_a_session_for_the_coalition_and_nobody_is_told()
    {
        var (initiator, partner, coalitionId) = await ACoalitionAtItsThresholdAsync();
        var outsider = await app.Host.RegisterMemberAsync();

        foreach (var member in new[] { outsider, initiator })
        {
            var refused = await ScheduleAsync(member, SessionSteps.ASession(coalitionId: coalitionId,
                priorityUntil: DateTimeOffset.UtcNow.AddDays(2)), 409);
            var problem = await refused.ProblemAsync();
            (problem.Detail, problem.Errors!.Keys.Single()).ShouldBe(
                (ScheduleSessionEndpoint.NoAcceptedProposal, "coalitionId"));
        }

        var offerWithoutCoalition = JsonSerializer.SerializeToNode(SessionSteps.ASession())!.AsObject();
        offerWithoutCoalition["proposalId"] = Guid.NewGuid();
        (await (await ScheduleAsync(outsider, offerWithoutCoalition, 400)).ProblemAsync()).Errors!.Keys
            .ShouldBe(["proposalId"]);
        (await app.Host.NotificationsAsync(partner)).Notifications
            .ShouldNotContain(n => n.Kind == NotificationKinds.SessionForCoalition);
        var page = await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/nieuw?coalitie={coalitionId}"); x.As(outsider); });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("Deze coalitie heeft nog geen aanbod aangenomen.");
        html.ShouldNotContain("Plaats in de agenda");
    }

    [Fact]
    public async Task After_the_group_accepted_an_offer_its_proposer_or_the_initiator_plans_it_and_others_are_refused()
    {
        var (initiator, partner, coalitionId) = await ACoalitionAtItsThresholdAsync();
        var proposer = await app.Host.RegisterMemberAsync("Pien Aanbieder");
        var accepted = await app.Host.AnAcceptedOfferAsync(initiator, proposer, coalitionId);
        var outsider = await app.Host.RegisterMemberAsync();
        var plan = SessionSteps.ASession(coalitionId: coalitionId);

        foreach (var member in new[] { outsider, partner })
        {
            var refused = await ScheduleAsync(member, plan, 403);
            (await refused.ProblemAsync()).Detail.ShouldBe(ScheduleSessionEndpoint.NotTheProposer);
        }
        var otherOffer = await ScheduleAsync(proposer,
            OfferSteps.ASessionFromOffer(coalitionId, Guid.NewGuid()), 400);
        (await otherOffer.ProblemAsync()).Errors!.Keys.ShouldBe(["proposalId"]);

        var byProposer = await app.Host.ScheduleSessionAsync(proposer, OfferSteps.ASessionFromOffer(coalitionId,
            accepted));
        var byInitiator = await app.Host.ScheduleSessionAsync(initiator, plan);

        (await app.Host.GetSessionAsync(partner, byProposer.SessionId)).ProposalId.ShouldBe(accepted);
        (await app.Host.GetSessionAsync(partner, byInitiator.SessionId)).ProposalId.ShouldBe(accepted);
        (await app.Host.GetsNotifiedAsync(partner, NotificationKinds.SessionForCoalition)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_plan_page_fills_in_the_accepted_offer_for_its_proposer_and_turns_others_away()
    {
        var (initiator, partner, coalitionId) = await ACoalitionAtItsThresholdAsync();
        var proposer = await app.Host.RegisterMemberAsync();
        await app.Host.AnAcceptedOfferAsync(initiator, proposer, coalitionId);
        var url = $"/bijeenkomsten/nieuw?coalitie={coalitionId}";

        var forProposer = await (await app.Host.Scenario(x => { x.Get.Url(url); x.As(proposer); })).ReadAsTextAsync();
        forProposer.ShouldContain("Werkplaats woordenschat in de zaakvakken");
        forProposer.ShouldContain("Plaats in de agenda");

        var forPartner = await (await app.Host.Scenario(x => { x.Get.Url(url); x.As(partner); })).ReadAsTextAsync();
        forPartner.ShouldContain(ScheduleSessionEndpoint.NotTheProposer.Split(',')[0]);
        forPartner.ShouldNotContain("Plaats in de agenda");
    }
}

using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Offers;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Offers;

/// <summary>Offers co-created with a coalition that is large enough.</summary>
public sealed class ProposalTests(AppFixture app)
{
    private async Task<(TestMember Owner, TestMember Partner, TestMember Outsider, CoalitionWritten Coalition, Guid QuestionId)> ACoalitionAtItsThresholdAsync()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync("Bram");
        var third = await app.Host.RegisterMemberAsync();
        var outsider = await app.Host.RegisterMemberAsync("Ovi");
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(partner, formed.CoalitionId);
        await app.Host.JoinAsync(third, formed.CoalitionId);
        return (owner, partner, outsider, formed, question.QuestionId);
    }

    /// <summary>The member offers the coalition's theme on their profile and proposes.</summary>
    private async Task<Guid> ProposeAsync(TestMember by, Guid coalitionId,
        string title = "Werkplaats woordenschat in de zaakvakken")
    {
        await app.Host.OffersAsync(by, "taal-en-lezen");
        return await app.Host.ProposeAsync(by, coalitionId, OfferSteps.AProposal(title));
    }

    [Fact]
    public async Task Nobody_proposes_to_a_coalition_below_its_threshold()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 5);
        await app.Host.OffersAsync(owner, "taal-en-lezen");

        await app.Host.ProposeRefusedAsync(owner, formed.CoalitionId, 409);
    }

    [Fact]
    public async Task Only_providers_and_members_offering_the_theme_propose()
    {
        var (_, partner, outsider, coalition, _) = await ACoalitionAtItsThresholdAsync();

        await app.Host.ProposeRefusedAsync(partner, coalition.CoalitionId, 403);
        await app.Host.OffersAsync(partner, "rekenen");
        await app.Host.ProposeRefusedAsync(partner, coalition.CoalitionId, 403);

        var admin = await app.AdminAsync();
        await app.Host.GrantAsync(partner, outsider, MemberRoles.Provider, status: 403);
        await app.Host.GrantAsync(admin, outsider, MemberRoles.Provider);
        await app.Host.ProposeAsync(outsider, coalition.CoalitionId);
        await app.Host.ProvidesAsync(outsider, "taal-en-lezen", "Werkplaatsen met eigen lesmateriaal.");
        (await app.Host.ThemesAsync(partner)).Single(t => t.Code == "taal-en-lezen").Providers
            .ShouldContain(p => p.Id == outsider.Id && p.Description == "Werkplaatsen met eigen lesmateriaal.");
        (await (await app.Host.Scenario(x => { x.Get.Url("/themas"); x.As(partner); })).ReadAsTextAsync()).ShouldContain("Werkplaatsen met eigen lesmateriaal.");
        await app.Host.RevokeAsync(admin, outsider, MemberRoles.Provider);
        await app.Host.ProvidesAsync(outsider, "taal-en-lezen", "Nog eens.", status: 403);
    }

    [Fact]
    public async Task Members_react_the_initiator_asks_for_changes_the_proposer_revises_and_the_group_accepts()
    {
        var (owner, partner, outsider, coalition, _) = await ACoalitionAtItsThresholdAsync();
        var proposalId = await ProposeAsync(outsider, coalition.CoalitionId);

        await app.Host.ReactAsync(outsider, proposalId, "interested", status: 403);
        await app.Host.ReactAsync(partner, proposalId, "interested");
        await app.Host.ReactAsync(partner, proposalId, "notForMe");
        await app.Host.ReactAsync(partner, proposalId, "comment", "Kan het ook op woensdag?");
        await app.Host.ReactAsync(partner, proposalId, "maybe", status: 400);

        await app.Host.RequestChangesAsync(partner, proposalId, "Liever op woensdag", status: 403);
        await app.Host.RequestChangesAsync(owner, proposalId, "Liever op woensdag");
        await app.Host.ReviseProposalAsync(outsider, proposalId,
            new ReviseProposal("Werkplaats woordenschat (woensdag)",
                "Na afloop ontwerp je een les met terugkerende woorden.", "15 januari"));
        await app.Host.AcceptProposalAsync(partner, proposalId, status: 403);
        await app.Host.AcceptProposalAsync(owner, proposalId);

        var proposal = (await app.Host.ProposalsAsync(partner, coalition.CoalitionId)).Single();
        (proposal.Status, proposal.Title, proposal.Interested, proposal.NotForMe).ShouldBe((ProposalStatus.Accepted, "Werkplaats woordenschat (woensdag)", 0, 1));
        proposal.Reactions.Single(r => r.Kind == Reactions.Comment).Comment.ShouldBe("Kan het ook op woensdag?");
        await app.Host.ProposeRefusedAsync(outsider, coalition.CoalitionId, 409);
        (await app.Host.GetsNotifiedAsync(partner, HetInitiatief.Notifications.NotificationKinds.ProposalMade)).ShouldBeTrue();
        (await app.Host.GetsNotifiedAsync(partner, HetInitiatief.Notifications.NotificationKinds.ProposalAccepted)).ShouldBeTrue();
    }

    [Fact]
    public async Task Coalition_members_hear_of_a_session_planned_for_them()
    {
        var (owner, partner, _, coalition, _) = await ACoalitionAtItsThresholdAsync();
        await app.Host.AnAcceptedOfferAsync(owner, owner, coalition.CoalitionId);

        await app.Host.ScheduleSessionAsync(owner, SessionSteps.ASession(coalitionId: coalition.CoalitionId, priorityUntil: DateTimeOffset.UtcNow.AddDays(3)));

        (await app.Host.GetsNotifiedAsync(partner, HetInitiatief.Notifications.NotificationKinds.SessionForCoalition)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(owner)).Notifications.ShouldNotContain(n => n.Kind == HetInitiatief.Notifications.NotificationKinds.SessionForCoalition);
    }

    [Fact]
    public async Task Of_two_proposals_accepted_at_once_exactly_one_is_accepted()
    {
        var (owner, _, outsider, coalition, _) = await ACoalitionAtItsThresholdAsync();
        var first = await ProposeAsync(outsider, coalition.CoalitionId, "Eerste voorstel voor de groep");
        var second = await ProposeAsync(owner, coalition.CoalitionId, "Tweede voorstel voor de groep");

        var statuses = await Task.WhenAll(new[] { first, second }.Select(async id =>
            (await app.Host.AcceptProposalAsync(owner, id, status: null)).Context.Response.StatusCode));

        statuses.Order().ShouldBe([200, 409]);
    }
}

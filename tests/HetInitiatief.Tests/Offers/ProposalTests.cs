using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Offers;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Offers;

/// <summary>Offers co-created with a coalition that is large enough.</summary>
public sealed class ProposalTests(AppFixture app)
{
    private static object Plan(string title = "Werkplaats woordenschat in de zaakvakken") => new
    {
        title, outcome = "Na afloop ontwerp je een les waarin zaakvakwoorden vaak terugkomen.", type = "werkplaats", format = "fysiek",
        proposedDates = "14 of 21 januari, 15.30 uur",
    };

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

    private async Task<Guid> ProposeAsync(TestMember by, Guid coalitionId, string? title = null)
    {
        await app.Host.OffersAsync(by, "taal-en-lezen");
        var result = await app.Host.Scenario(x => { x.Post.Json(Plan(title ?? "Werkplaats woordenschat in de zaakvakken")).ToUrl($"/api/coalitions/{coalitionId}/proposals"); x.As(by); x.StatusCodeShouldBe(201); });
        return (await result.ReadAsJsonAsync<ProposalWritten>())!.ProposalId;
    }

    [Fact]
    public async Task Nobody_proposes_to_a_coalition_below_its_threshold()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 5);
        await app.Host.OffersAsync(owner, "taal-en-lezen");

        await app.Host.Scenario(x => { x.Post.Json(Plan()).ToUrl($"/api/coalitions/{formed.CoalitionId}/proposals"); x.As(owner); x.StatusCodeShouldBe(409); });
    }

    [Fact]
    public async Task Only_providers_and_members_offering_the_theme_propose()
    {
        var (_, partner, outsider, coalition, _) = await ACoalitionAtItsThresholdAsync();
        var url = $"/api/coalitions/{coalition.CoalitionId}/proposals";

        await app.Host.Scenario(x => { x.Post.Json(Plan()).ToUrl(url); x.As(partner); x.StatusCodeShouldBe(403); });
        await app.Host.OffersAsync(partner, "rekenen");
        await app.Host.Scenario(x => { x.Post.Json(Plan()).ToUrl(url); x.As(partner); x.StatusCodeShouldBe(403); });

        var admin = await app.AdminAsync();
        await app.Host.Scenario(x => { x.Post.Json(new { role = "provider" }).ToUrl($"/api/members/{outsider.Id}/roles"); x.As(partner); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { role = "provider" }).ToUrl($"/api/members/{outsider.Id}/roles"); x.As(admin); });
        await app.Host.Scenario(x => { x.Post.Json(Plan()).ToUrl(url); x.As(outsider); x.StatusCodeShouldBe(201); });
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { themes = new[] { new { theme = "taal-en-lezen", description = "Werkplaatsen met eigen lesmateriaal." } } }).ToUrl("/api/me/provider-themes");
            x.As(outsider);
        });
        var themes = await app.Host.Scenario(x => { x.Get.Url("/api/themes"); x.As(partner); });
        (await themes.ReadAsJsonAsync<List<HetInitiatief.Members.ThemeSupply>>())!.Single(t => t.Code == "taal-en-lezen").Providers
            .ShouldContain(p => p.Id == outsider.Id && p.Description == "Werkplaatsen met eigen lesmateriaal.");
        (await (await app.Host.Scenario(x => { x.Get.Url("/themas"); x.As(partner); })).ReadAsTextAsync()).ShouldContain("Werkplaatsen met eigen lesmateriaal.");
        await app.Host.Scenario(x => { x.Delete.Url($"/api/members/{outsider.Id}/roles/provider"); x.As(admin); });
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { themes = new[] { new { theme = "taal-en-lezen", description = "Nog eens." } } }).ToUrl("/api/me/provider-themes");
            x.As(outsider);
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task Members_react_the_initiator_asks_for_changes_the_proposer_revises_and_the_group_accepts()
    {
        var (owner, partner, outsider, coalition, _) = await ACoalitionAtItsThresholdAsync();
        var proposalId = await ProposeAsync(outsider, coalition.CoalitionId);
        var reactions = $"/api/proposals/{proposalId}/reactions";

        await app.Host.Scenario(x => { x.Post.Json(new { reaction = "interested" }).ToUrl(reactions); x.As(outsider); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { reaction = "interested" }).ToUrl(reactions); x.As(partner); });
        await app.Host.Scenario(x => { x.Post.Json(new { reaction = "notForMe" }).ToUrl(reactions); x.As(partner); });
        await app.Host.Scenario(x => { x.Post.Json(new { reaction = "comment", comment = "Kan het ook op woensdag?" }).ToUrl(reactions); x.As(partner); });
        await app.Host.Scenario(x => { x.Post.Json(new { reaction = "maybe" }).ToUrl(reactions); x.As(partner); x.StatusCodeShouldBe(400); });

        await app.Host.Scenario(x => { x.Post.Json(new { note = "Liever op woensdag" }).ToUrl($"/api/proposals/{proposalId}/changes-requested"); x.As(partner); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { note = "Liever op woensdag" }).ToUrl($"/api/proposals/{proposalId}/changes-requested"); x.As(owner); });
        await app.Host.Scenario(x => { x.Put.Json(new { title = "Werkplaats woordenschat (woensdag)", outcome = "Na afloop ontwerp je een les met terugkerende woorden.", proposedDates = "15 januari" }).ToUrl($"/api/proposals/{proposalId}"); x.As(outsider); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/proposals/{proposalId}/accept"); x.As(partner); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/proposals/{proposalId}/accept"); x.As(owner); });

        var list = await app.Host.Scenario(x => { x.Get.Url($"/api/coalitions/{coalition.CoalitionId}/proposals"); x.As(partner); });
        var proposal = (await list.ReadAsJsonAsync<List<ProposalView>>())!.Single();
        (proposal.Status, proposal.Title, proposal.Interested, proposal.NotForMe).ShouldBe((ProposalStatus.Accepted, "Werkplaats woordenschat (woensdag)", 0, 1));
        proposal.Reactions.Single(r => r.Kind == Reactions.Comment).Comment.ShouldBe("Kan het ook op woensdag?");
        await app.Host.Scenario(x => { x.Post.Json(Plan()).ToUrl($"/api/coalitions/{coalition.CoalitionId}/proposals"); x.As(outsider); x.StatusCodeShouldBe(409); });
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

        var statuses = await Task.WhenAll(new[] { first, second }.Select(async id => (await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/proposals/{id}/accept");
            x.As(owner);
            x.IgnoreStatusCode();
        })).Context.Response.StatusCode));

        statuses.Order().ShouldBe([200, 409]);
    }
}

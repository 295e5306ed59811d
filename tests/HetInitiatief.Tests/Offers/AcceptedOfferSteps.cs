using System.Text.Json;
using Alba;
using HetInitiatief.Offers;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given steps for the offer a coalition co-creates: proposed by someone who can supply it, accepted.</summary>
public static class AcceptedOfferSteps
{
    public static object APlan(string title = "Werkplaats woordenschat in de zaakvakken") => new
    {
        title, outcome = "Na afloop ontwerp je een les waarin zaakvakwoorden vaak terugkomen.", type = "werkplaats",
        format = "fysiek", proposedDates = "14 of 21 januari, 15.30 uur",
    };

    /// <summary>The proposer offers the theme on their profile, so they may propose; the coalition is at its threshold.</summary>
    public static async Task<Guid> ProposeAsync(
        this IAlbaHost host, TestMember proposer, Guid coalitionId, string title = "Werkplaats woordenschat in de zaakvakken")
    {
        await host.OffersAsync(proposer, "taal-en-lezen");
        var result = await host.Scenario(x =>
        {
            x.Post.Json(APlan(title)).ToUrl($"/api/coalitions/{coalitionId}/proposals");
            x.As(proposer);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<ProposalWritten>())!.ProposalId;
    }

    public static Task<IScenarioResult> AcceptProposalAsync(
        this IAlbaHost host, TestMember initiator, Guid proposalId, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/proposals/{proposalId}/accept");
            x.As(initiator);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>A session plan for the coalition that names the offer it comes from.</summary>
    public static object ASessionFromOffer(Guid coalitionId, Guid proposalId)
    {
        var plan = JsonSerializer.SerializeToNode(SessionSteps.ASession(coalitionId: coalitionId))!.AsObject();
        plan["proposalId"] = proposalId;
        return plan;
    }

    /// <summary>An offer by <paramref name="proposer"/>, accepted by the initiator on behalf of the group.</summary>
    public static async Task<Guid> AnAcceptedOfferAsync(
        this IAlbaHost host, TestMember initiator, TestMember proposer, Guid coalitionId)
    {
        var proposalId = await host.ProposeAsync(proposer, coalitionId);
        await host.AcceptProposalAsync(initiator, proposalId);
        return proposalId;
    }
}

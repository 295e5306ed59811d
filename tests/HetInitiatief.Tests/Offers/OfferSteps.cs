using System.Text.Json;
using Alba;
using HetInitiatief.Offers;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given/when steps for offers: a proposal to a coalition, reacted to, revised, accepted.</summary>
public static class OfferSteps
{
    public static MakeProposal AProposal(string title = "Werkplaats woordenschat in de zaakvakken") =>
        new(title, "Na afloop ontwerp je een les waarin zaakvakwoorden vaak terugkomen.", "werkplaats", "fysiek",
            "14 of 21 januari, 15.30 uur");

    public static async Task<Guid> ProposeAsync(this IAlbaHost host, TestMember by, Guid coalitionId,
        MakeProposal? proposal = null)
    {
        var result = await host.ProposeRefusedAsync(by, coalitionId, 201, proposal);
        return (await result.ReadAsJsonAsync<ProposalWritten>())!.ProposalId;
    }

    /// <summary>A refused proposal (a coalition below its threshold, a member not offering the theme).</summary>
    public static Task<IScenarioResult> ProposeRefusedAsync(
        this IAlbaHost host, TestMember by, Guid coalitionId, int status, MakeProposal? proposal = null) =>
        host.Scenario(x =>
        {
            x.Post.Json(proposal ?? AProposal()).ToUrl($"/api/coalitions/{coalitionId}/proposals");
            x.As(by);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> ReactAsync(this IAlbaHost host, TestMember member, Guid proposalId,
        string reaction,
        string? comment = null, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new ReactToProposal(reaction, comment)).ToUrl($"/api/proposals/{proposalId}/reactions");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The initiator asks the proposer for changes.</summary>
    public static Task<IScenarioResult> RequestChangesAsync(
        this IAlbaHost host, TestMember member, Guid proposalId, string note, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new RequestChanges(note)).ToUrl($"/api/proposals/{proposalId}/changes-requested");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> ReviseProposalAsync(
        this IAlbaHost host, TestMember member, Guid proposalId, ReviseProposal revision, int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(revision).ToUrl($"/api/proposals/{proposalId}");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>
    /// The initiator accepts the proposal for the group; <paramref name="status"/> null for a test that counts the
    /// answers of several at once.
    /// </summary>
    public static Task<IScenarioResult> AcceptProposalAsync(this IAlbaHost host, TestMember member, Guid proposalId,
        int? status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/proposals/{proposalId}/accept");
            x.As(member);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });

    public static async Task<List<ProposalView>> ProposalsAsync(this IAlbaHost host, TestMember viewer,
        Guid coalitionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/coalitions/{coalitionId}/proposals"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<List<ProposalView>>())!;
    }

    /// <summary>An offer by <paramref name="proposer"/> (who offers the theme), accepted by the initiator.</summary>
    public static async Task<Guid> AnAcceptedOfferAsync(
        this IAlbaHost host, TestMember initiator, TestMember proposer, Guid coalitionId)
    {
        await host.OffersAsync(proposer, "taal-en-lezen");
        var proposalId = await host.ProposeAsync(proposer, coalitionId);
        await host.AcceptProposalAsync(initiator, proposalId);
        return proposalId;
    }

    /// <summary>A session plan for the coalition that names the offer it comes from.</summary>
    public static object ASessionFromOffer(Guid coalitionId, Guid proposalId)
    {
        var plan = JsonSerializer.SerializeToNode(SessionSteps.ASession(coalitionId: coalitionId))!.AsObject();
        plan["proposalId"] = proposalId;
        return plan;
    }
}

using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given/when steps for coalitions: formed, joined, read.</summary>
public static class CoalitionSteps
{
    public static async Task<CoalitionWritten> FormCoalitionAsync(this IAlbaHost host, TestMember owner, Guid questionId, int threshold = 3, DateTimeOffset? closesAt = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { threshold, closesAt, invitation = "Wat gaan we samen leren? Woorden die blijven hangen." }).ToUrl($"/api/questions/{questionId}/coalition");
            x.As(owner);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<CoalitionWritten>())!;
    }

    /// <summary>Forming a coalition that is refused (not the owner, a threshold out of range, twice).</summary>
    public static Task<IScenarioResult> FormCoalitionRefusedAsync(
        this IAlbaHost host, TestMember member, Guid questionId, int status, int threshold = 5) =>
        host.Scenario(x =>
        {
            x.Post.Json(new FormCoalition(threshold, null, "Wat gaan we samen leren?"))
                .ToUrl($"/api/questions/{questionId}/coalition");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>
    /// The member joins, as a partner unless another position is given; <paramref name="status"/> null for a test that
    /// counts the answers of many at once.
    /// </summary>
    public static async Task<IScenarioResult> JoinAsync(
        this IAlbaHost host, TestMember member, Guid coalitionId, string? position = null, int? status = 201) =>
        await host.Scenario(x =>
        {
            x.Post.Json(new JoinCoalition(position, "Ik wil dit ook leren voor mijn klas."))
                .ToUrl($"/api/coalitions/{coalitionId}/members");
            x.As(member);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });

    public static async Task<CoalitionWritten> LeaveAsync(this IAlbaHost host, TestMember member, Guid coalitionId)
    {
        var result = await host.Scenario(x =>
        {
            x.Delete.Url($"/api/coalitions/{coalitionId}/members/me");
            x.As(member);
        });
        return (await result.ReadAsJsonAsync<CoalitionWritten>())!;
    }

    public static Task<IScenarioResult> ChangePositionAsync(
        this IAlbaHost host, TestMember member, Guid coalitionId, string position, int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(new ChangePosition(position)).ToUrl($"/api/coalitions/{coalitionId}/members/me/position");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The initiator moves the closing date (later only).</summary>
    public static Task<IScenarioResult> ExtendClosingDateAsync(
        this IAlbaHost host, TestMember member, Guid coalitionId, DateTimeOffset closesAt, int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(new ExtendClosingDate(closesAt)).ToUrl($"/api/coalitions/{coalitionId}/closing-date");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The initiator offers to hand the initiative over to another member.</summary>
    public static Task<IScenarioResult> OfferHandoverAsync(
        this IAlbaHost host, TestMember member, Guid coalitionId, Guid toMemberId, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new OfferHandover(toMemberId)).ToUrl($"/api/coalitions/{coalitionId}/handover");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> AcceptHandoverAsync(this IAlbaHost host, TestMember member, Guid coalitionId,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/coalitions/{coalitionId}/handover/accept");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>A partner becomes the initiator of a coalition whose initiator left.</summary>
    public static Task<IScenarioResult> TakeOnAsync(this IAlbaHost host, TestMember member, Guid coalitionId,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/coalitions/{coalitionId}/initiator");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<List<MyCoalition>> MyCoalitionsAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/coalitions"); x.As(member); });
        return (await result.ReadAsJsonAsync<List<MyCoalition>>())!;
    }

    public static async Task<CoalitionView> GetCoalitionAsync(this IAlbaHost host, TestMember viewer, Guid questionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/questions/{questionId}/coalition"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<CoalitionView>())!;
    }

    /// <summary>A school leader backs a coalition their school takes part in.</summary>
    public static Task<IScenarioResult> EndorseCoalitionAsync(this IAlbaHost host, TestMember leader, Guid coalitionId,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/coalitions/{coalitionId}/endorsements");
            x.As(leader);
            x.StatusCodeShouldBe(status);
        });
}

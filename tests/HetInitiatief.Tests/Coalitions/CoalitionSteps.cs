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

    public static async Task<IScenarioResult> JoinAsync(this IAlbaHost host, TestMember member, Guid coalitionId, string? position = null, int status = 201) =>
        await host.Scenario(x =>
        {
            x.Post.Json(new { position, contribution = "Ik wil dit ook leren voor mijn klas." }).ToUrl($"/api/coalitions/{coalitionId}/members");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<CoalitionView> GetCoalitionAsync(this IAlbaHost host, TestMember viewer, Guid questionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/questions/{questionId}/coalition"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<CoalitionView>())!;
    }
}

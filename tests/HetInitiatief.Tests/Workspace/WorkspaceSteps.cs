using Alba;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Workspace;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Then-steps for the werkplek: what waits for a member and what is new for them.</summary>
public static class WorkspaceSteps
{
    public static async Task<WorkspaceView> MyWorkspaceAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/workspace"); x.As(member); });
        return (await result.ReadAsJsonAsync<WorkspaceView>())!;
    }
}

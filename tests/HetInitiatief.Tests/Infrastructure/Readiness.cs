using Alba;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>What <c>/health/ready</c> answers: the overall status and each check's status and reason.</summary>
public sealed record Readiness(string Status, IReadOnlyDictionary<string, Readiness.Check> Checks)
{
    public sealed record Check(string Status, string? Description);
}

public static class ReadinessSteps
{
    /// <summary>The readiness report of a platform that is up (200: healthy or degraded).</summary>
    public static async Task<Readiness> ReadinessAsync(this IAlbaHost host)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url("/health/ready");
            x.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<Readiness>()).ShouldNotBeNull();
    }
}

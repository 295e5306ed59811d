using HetInitiatief.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Wolverine;

namespace HetInitiatief.Tests.Infrastructure;

public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData("Development", null, DurabilityMode.Solo)]
    [InlineData("Production", null, DurabilityMode.Balanced)]
    [InlineData("Staging", "", DurabilityMode.Balanced)]
    [InlineData("Production", "solo", DurabilityMode.Solo)]
    [InlineData("Development", "Balanced", DurabilityMode.Balanced)]
    public void Durability_is_solo_in_development_and_balanced_elsewhere_unless_set(
        string environment, string? setting, DurabilityMode expected)
    {
        var options = new WolverineOptions();

        options.UseClusterDurability(Settings(setting), new HostingEnvironment { EnvironmentName = environment });

        options.Durability.Mode.ShouldBe(expected);
    }

    [Fact]
    public void A_balanced_node_is_taken_for_dead_within_seconds_not_a_minute()
    {
        var options = new WolverineOptions();

        options.UseClusterDurability(Settings(null), new HostingEnvironment { EnvironmentName = "Production" });

        options.Durability.HealthCheckPollingTime.ShouldBe(TimeSpan.FromSeconds(2));
        options.Durability.StaleNodeTimeout.ShouldBe(TimeSpan.FromSeconds(8));
    }

    [Theory]
    [InlineData("Cluster")]
    [InlineData("MediatorOnly")]
    public void An_unknown_durability_mode_stops_the_start_naming_the_setting(string setting)
    {
        var options = new WolverineOptions();

        var refused = Should.Throw<InvalidOperationException>(() =>
            options.UseClusterDurability(Settings(setting), new HostingEnvironment { EnvironmentName = "Production" }));

        refused.Message.ShouldContain(Cluster.DurabilitySetting);
        refused.Message.ShouldContain(setting);
    }

    private static IConfiguration Settings(string? durability) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [Cluster.DurabilitySetting] = durability })
            .Build();
}

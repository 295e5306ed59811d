using System.Reflection;
using HetInitiatief.Infrastructure;
using HetInitiatief.Membership;
using HetInitiatief.Moderation;
using HetInitiatief.Network;
using HetInitiatief.Questions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Settings mean what they say: a value the platform can honour (0 hours) is used as given, and one it cannot stops the
/// start-up with a message naming the setting, instead of silently becoming the default.
/// </summary>
public sealed class SettingsTests(AppFixture app)
{
    [Fact]
    public void Zero_hours_puts_a_question_nobody_probed_on_the_radar_at_once()
    {
        using var services = Services(new() { ["Moderation:Radar:UnprobedHours"] = "0" });
        var settings = services.GetRequiredService<RadarSettings>();
        var now = DateTimeOffset.UtcNow;
        var justPosted = QuestionDetails.Create(new QuestionPosted(Guid.NewGuid(), Guid.NewGuid(), "Hoe leer ik woorden?", "Context", "Waarom", "Weet",
            ["taal-en-lezen"], "po", now));

        var radar = Radar.Compute(new RadarFacts([justPosted], [], []), settings, now);

        settings.Unprobed.ShouldBe(TimeSpan.Zero);
        radar.Items.ShouldContain(i => i.Kind == RadarKinds.Unprobed && i.QuestionId == justPosted.Id);
    }

    [Fact]
    public void Zero_talk_weeks_follow_ups_and_idle_weeks_are_used_as_given()
    {
        using var services = Services(new() { ["Health:TalkWeeks"] = "0", ["Health:TalkFollowUps"] = "0", ["Health:FacilitatorShareWarning"] = "0" });
        using var radar = Services(new()
        {
            ["Moderation:Radar:CoalitionIdleWeeks"] = "0", ["Moderation:Radar:StoryAfterDays"] = "0.5",
        });

        var settings = services.GetRequiredService<HealthSettings>();

        (settings.TalkWeeks, settings.TalkFollowUps, settings.FacilitatorShareWarning).ShouldBe((0, 0, 0.0));
        settings.WindowWeeks.ShouldBe(new HealthSettings().WindowWeeks);
        var radarSettings = radar.GetRequiredService<RadarSettings>();
        (radarSettings.CoalitionIdle, radarSettings.StoryAfter).ShouldBe((TimeSpan.Zero, TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Unset_settings_keep_their_defaults()
    {
        using var services = Services([]);

        services.GetRequiredService<RadarSettings>().ShouldBe(RadarSettings.Default);
        services.GetRequiredService<HealthSettings>().ShouldBe(new HealthSettings(4, 4, 5, 5, 0.5, 12));
        services.GetRequiredService<IOptions<ModerationOptions>>().Value.FlagsToHide.ShouldBe(FlagEndpoint.DefaultFlagsToHide);
        services.GetRequiredService<NetworkSettings>().ShouldBe(new(NetworkSettings.DefaultId, 50));
        services.GetRequiredService<TierSettings>().Entitlements.ShouldBe(TierSettings.Default.Entitlements);
    }

    [Fact]
    public void Network_settings_mean_what_they_say()
    {
        var id = Guid.NewGuid();
        using var services = Services(new()
        {
            ["Platform:NetworkId"] = id.ToString(), ["Platform:EarlyBirdSeats"] = "0",
        });

        services.GetRequiredService<NetworkSettings>().ShouldBe(new(id, 0));
    }

    [Theory]
    [InlineData("Moderation:Radar:UnprobedHours", "-1", "Moderation:Radar:UnprobedHours must be 0 or more")]
    [InlineData("Moderation:Radar:UnprobedHours", "twee dagen", "Moderation:Radar:UnprobedHours")]
    [InlineData("Moderation:Radar:SupplyWindowDays", "-0.5", "Moderation:Radar:SupplyWindowDays must be 0 or more")]
    [InlineData("Moderation:Radar:RefreshSeconds", "0", "Moderation:Radar:RefreshSeconds must be 1 or more")]
    [InlineData("Moderation:Radar:CoalitionIdleWeeks", "-1", "Moderation:Radar:CoalitionIdleWeeks must be 0 or more")]
    [InlineData("Moderation:Radar:StoryAfterDays", "-1", "Moderation:Radar:StoryAfterDays must be 0 or more")]
    [InlineData("Moderation:FlagsToHide", "0", "Moderation:FlagsToHide must be 1 or more")]
    [InlineData("Health:WindowWeeks", "0", "Health:WindowWeeks must be 1 or more")]
    [InlineData("Health:TalkFollowUps", "-3", "Health:TalkFollowUps must be 0 or more")]
    [InlineData("Health:FacilitatorShareWarning", "1.5", "Health:FacilitatorShareWarning must be between 0 and 1")]
    [InlineData("Health:StalledSessions", "0", "Health:StalledSessions must be 1 or more")]
    [InlineData("Platform:EarlyBirdSeats", "-1", "Platform:EarlyBirdSeats must be 0 or more")]
    [InlineData("Platform:NetworkId", "geen-guid", "Platform:NetworkId")]
    [InlineData("Membership:Entitlements:Paid", "portfolio,providersessions", "Membership:Entitlements:Paid names")]
    [InlineData("Membership:Entitlements:Free", "alles", "Membership:Entitlements:Free names unknown")]
    public async Task A_setting_the_platform_cannot_honour_stops_the_start_up_naming_it(string setting, string value, string message)
    {
        var failure = await StartUpFailureAsync(new() { [setting] = value });

        failure.ShouldNotBeNull($"the platform started with {setting}={value}");
        Messages(failure).ShouldContain(m => m.Contains(message, StringComparison.Ordinal));
    }

    /// <summary>The settings' part of the platform on a bare service collection: what the host would resolve.</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        RadarSettings.Add(services, configuration);
        HealthSettings.Add(services, configuration);
        services.AddCheckedSettings<ModerationOptions>(configuration, ModerationOptions.Section, ModerationOptions.Problems);
        NetworkSettings.Add(services, configuration);
        TierSettings.Add(services, configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds and starts the whole platform with the settings; the exception that stopped it, if any.</summary>
    private async Task<Exception?> StartUpFailureAsync(Dictionary<string, string?> settings)
    {
        WebApplication? started = null;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(Program).Assembly.GetName().Name,
                ContentRootPath = typeof(SettingsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebProjectDirectory").Value!,
                EnvironmentName = Environments.Development,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration[$"ConnectionStrings:{Database.ConnectionStringName}"] = app.ConnectionString;
            foreach (var (key, value) in settings) builder.Configuration[key] = value;
            await builder.AddPlatformAsync();
            started = builder.Build();
            started.UsePlatform();
            await started.StartAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            if (started is not null)
            {
                await started.StopAsync();
                await started.DisposeAsync();
            }
        }
    }

    private static IEnumerable<string> Messages(Exception e) => e switch
    {
        AggregateException all => all.InnerExceptions.SelectMany(Messages).Prepend(all.Message),
        { InnerException: { } inner } => Messages(inner).Prepend(e.Message),
        _ => [e.Message],
    };
}

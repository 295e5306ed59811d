using HetInitiatief.Live;

namespace HetInitiatief.Moderation;

/// <summary>
/// The radar, nudges, flags, merging and the health dashboard: their read models, their settings (checked at
/// start-up), the radar's clock and live push, and the news of a nudge, a moderation decision and a merge.
/// </summary>
public static class ModerationModule
{
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IConfigureMarten, HealthConfiguration>();
        services.AddSingleton<IConfigureMarten, ModerationConfiguration>();
        HealthSettings.Add(services, builder.Configuration);
        RadarSettings.Add(services, builder.Configuration);
        services.AddCheckedSettings<ModerationOptions>(
            builder.Configuration, ModerationOptions.Section, ModerationOptions.Problems);
        services.AddHostedService<RadarClock>();
        services.AddPushes<RadarPush>();
        services.AddNews(NudgeNews.From);
        services.AddNews(ModerationNews.From);
        services.AddNews(MergeNews.From);
        services.AddNews(MergeProposalNews.From);
        services.AddNews(MoveMergedMembers.From);
        return builder;
    }
}

using HetInitiatief.Live;
using Wolverine;

namespace HetInitiatief.Network;

/// <summary>The network's stream (early-bird seats, the start, the opening), its landing-page push and its news.</summary>
public static class NetworkModule
{
    public static WebApplicationBuilder AddNetwork(this WebApplicationBuilder builder)
    {
        NetworkSettings.Add(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<IConfigureMarten, NetworkConfiguration>();
        builder.Services.AddHostedService<NetworkOpening>();
        builder.Services.AddPushes<NetworkPush>();
        builder.Services.ConfigureWolverine(options =>
            options.PublishMessage<NetworkChanged>().ToLocalQueue(LiveModule.PushQueue));
        builder.Services.AddNews(NetworkNews.From);
        return builder;
    }

    public static void MapNetwork(this WebApplication app) => app.MapHub<NetworkHub>(NetworkHub.Path);
}

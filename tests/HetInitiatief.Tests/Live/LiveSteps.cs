using Alba;
using HetInitiatief.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given steps for the live push: a SignalR client on the suite's in-memory host.</summary>
public static class LiveSteps
{
    /// <summary>
    /// A connection (not yet started) to the live hub as the holder of <paramref name="token"/>, or anonymous. Long
    /// polling, because the in-memory test server has no WebSockets.
    /// </summary>
    public static HubConnection LiveConnection(this IAlbaHost host, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
}

using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// The baseline for <see cref="PushFanOut"/>: Kestrel and AddSignalR in the benchmark process, no database, no
/// authentication. <c>POST /post</c> stands for a post: it answers with a new question id at once and hands the push
/// to one sequential loop (as the app's commit hands it to Wolverine's sequential push queue), which sends the app's
/// message shape (<c>questionChanged</c> with questionId, version, change) to the board group.
/// </summary>
public sealed class BareHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly Task _sending;
    private readonly Channel<Guid> _queue;

    private BareHub(WebApplication app, Uri address, Task sending, Channel<Guid> queue)
    {
        _app = app;
        _sending = sending;
        _queue = queue;
        Hub = new Uri(address, "/hubs/live");
        _http = new HttpClient { BaseAddress = address };
    }

    public Uri Hub { get; }

    public static async Task<BareHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<Board>("/hubs/live");
        app.MapPost("/post", () =>
        {
            var id = Guid.NewGuid();
            queue.Writer.TryWrite(id);
            return Results.Json(new { questionId = id, version = 1L });
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var hub = app.Services.GetRequiredService<IHubContext<Board>>();
        var sending = Task.Run(async () =>
        {
            await foreach (var id in queue.Reader.ReadAllAsync())
                await hub.Clients.Groups(["board", $"question:{id}"]).SendAsync("questionChanged", new QuestionChanged(id, 1, "posted"));
        });
        return new BareHub(app, address, sending, queue);
    }

    /// <summary>A post: the id of the question whose push follows.</summary>
    public async Task<Guid> PostAsync()
    {
        var response = await _http.PostAsync("/post", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Posted>())!.QuestionId;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _sending;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private sealed record Posted(Guid QuestionId);

    /// <summary>The app's push message (Questions/QuestionPush.cs).</summary>
    private sealed record QuestionChanged(Guid QuestionId, long Version, string Change);

    /// <summary>Watching the board is all the bare hub does.</summary>
    public sealed class Board : Hub
    {
        public Task WatchBoard() => Groups.AddToGroupAsync(Context.ConnectionId, "board");
    }
}

using HetInitiatief.Live;
using HetInitiatief.Network;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wolverine.Runtime;

namespace HetInitiatief.Tests.Live;

/// <summary>
/// The board's pushes have their sequential queue to themselves: when the landing page's counts (a database read per
/// post) shared it, 20 posts a second to 1,000 board watchers left the pushes seconds behind (PushFanOut in the
/// benchmark: p50 2.9–4.0 s before, 68–132 ms after, on the shared 2-core machine).
/// </summary>
public sealed class PushQueueTests(AppFixture app)
{
    [Fact]
    public void Ordered_pushes_have_a_queue_that_the_landing_page_counts_do_not_share()
    {
        var runtime = app.Host.Services.GetRequiredService<IWolverineRuntime>();
        string QueueOf(object message) =>
            runtime.RoutingFor(message.GetType()).RouteForPublish(message, null).Single().Destination!.Host;

        var push = LivePush.Of(QuestionChanged.Method, new QuestionChanged(Guid.NewGuid(), 1, "posted"), Guid.NewGuid(), 1,
            LiveHub.BoardGroup);
        QueueOf(push).ShouldBe(LiveModule.OrderedPushQueue);
        QueueOf(new NetworkChanged("questions")).ShouldBe(LiveModule.PushQueue);
    }
}

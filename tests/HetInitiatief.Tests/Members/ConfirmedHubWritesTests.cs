using System.Security.Claims;
using HetInitiatief.Live;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Members;

/// <summary>
/// The live hub's share of the confirmed-address rule. Its methods today only watch; the filter holds back any other
/// method a hub gets, so it is shown here on a hub method that writes.
/// </summary>
public sealed class ConfirmedHubWritesTests(AppFixture app)
{
    [Fact]
    public async Task A_hub_method_that_writes_is_refused_in_Dutch_to_an_unconfirmed_member_while_watching_is_not()
    {
        var filter = new ConfirmedHubWrites(app.Host.Services.GetRequiredService<ConfirmedMembers>());
        var rookie = await app.Host.RegisterMemberAsync(confirmed: false);
        var member = await app.Host.RegisterMemberAsync();
        var write = typeof(WritingHub).GetMethod(nameof(WritingHub.Post))!;
        var watch = typeof(LiveHub).GetMethod(nameof(LiveHub.WatchBoard))!;

        var refused = await Should.ThrowAsync<HubException>(filter.InvokeMethodAsync(Invocation(rookie, write), Ran).AsTask());

        refused.Message.ShouldStartWith("Bevestig eerst je e-mailadres");
        (await filter.InvokeMethodAsync(Invocation(member, write), Ran)).ShouldBe("ran");
        (await filter.InvokeMethodAsync(Invocation(rookie, watch), Ran)).ShouldBe("ran");
    }

    private static ValueTask<object?> Ran(HubInvocationContext _) => ValueTask.FromResult<object?>("ran");

    private HubInvocationContext Invocation(TestMember member, System.Reflection.MethodInfo method) =>
        new(new Caller(member.Id), app.Host.Services, new WritingHub(), method, []);

    private sealed class WritingHub : Hub
    {
        public Task Post() => Task.CompletedTask;
    }

    private sealed class Caller(Guid memberId) : HubCallerContext
    {
        public override string ConnectionId => "test";
        public override string? UserIdentifier => memberId.ToString();
        public override ClaimsPrincipal? User { get; } =
            new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, memberId.ToString())], "test"));
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }
}

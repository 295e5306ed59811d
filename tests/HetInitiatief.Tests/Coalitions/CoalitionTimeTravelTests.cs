using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Coalitions;

/// <summary>With at= the coalition is shown as it stood then, replayed from its events, like the question.</summary>
public sealed class CoalitionTimeTravelTests(AppFixture app)
{
    [Fact]
    public async Task The_coalition_shows_who_had_joined_at_a_moment_in_the_past()
    {
        // Given a coalition that a partner joined after it was formed
        var (owner, partner) = (await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync());
        var question = await app.Host.PostQuestionAsync(owner);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);
        // Time travel reads the store's own commit times: a moment between forming and the join.
        var between = await MomentBetweenAsync(coalition.CoalitionId);

        // When the coalition is read as it stood then, and as it is now
        var then = await ReadAsync(owner, question.QuestionId, between.ToString("O"));
        var now = await app.Host.GetCoalitionAsync(owner, question.QuestionId);

        // Then only the initiator was in it then; the partner is in it now
        (then.Partners, then.Includes(partner.Id), then.Includes(owner.Id)).ShouldBe((1, false, true));
        (now.Partners, now.Includes(partner.Id)).ShouldBe((2, true));
    }

    [Fact]
    public async Task A_bad_moment_is_a_400_naming_at_and_a_moment_before_the_coalition_a_404()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var question = await app.Host.PostQuestionAsync(owner);
        await app.Host.FormCoalitionAsync(owner, question.QuestionId);

        var bad = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{question.QuestionId}/coalition?at=gisteren");
            x.As(owner);
            x.StatusCodeShouldBe(400);
        });
        (await bad.ProblemAsync()).Errors!.Keys.ShouldBe(["at"]);
        var early = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{question.QuestionId}/coalition?at={Uri.EscapeDataString(before.ToString("O"))}");
            x.As(owner);
            x.StatusCodeShouldBe(404);
        });
        (await early.ProblemAsync()).Detail.ShouldBe("Op dat moment was er nog geen coalitie.");
    }

    private async Task<CoalitionView> ReadAsync(TestMember viewer, Guid questionId, string at)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{questionId}/coalition?at={Uri.EscapeDataString(at)}");
            x.As(viewer);
        });
        return (await result.ReadAsJsonAsync<CoalitionView>())!;
    }

    private async Task<DateTimeOffset> MomentBetweenAsync(Guid coalitionId)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(coalitionId, token: TestContext.Current.CancellationToken);
        var (formed, joined) = (events[0].Timestamp, events[^1].Timestamp);
        var between = formed + (joined - formed) / 2;
        return between.AddTicks(-(between.Ticks % 10));
    }
}

using Alba;
using HetInitiatief.Initiative;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>
/// Given/when steps for the initiative's life: approach, trial, experience, review, criteria, completion.
/// </summary>
public static class InitiativeSteps
{
    public static readonly DateOnly InThreeWeeks = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(21));

    /// <summary>A coalition of an initiator and two partners: large enough (threshold 3).</summary>
    public static async Task<(
            TestMember Initiator, TestMember PartnerA, TestMember PartnerB, Guid QuestionId, Guid CoalitionId)>
        ALargeEnoughCoalitionAsync(this IAlbaHost host)
    {
        var (initiator, a, b) =
            (await host.RegisterMemberAsync(), await host.RegisterMemberAsync(), await host.RegisterMemberAsync());
        var question = await host.PostQuestionAsync(initiator);
        var coalition = await host.FormCoalitionAsync(initiator, question.QuestionId, threshold: 3);
        await host.JoinAsync(a, coalition.CoalitionId);
        await host.JoinAsync(b, coalition.CoalitionId);
        return (initiator, a, b, question.QuestionId, coalition.CoalitionId);
    }

    public static RecordApproach AnApproach(int expectedVersion = 0) =>
        new("Elke les tien zaakvakwoorden op een woordmuur", "Leerlingen van 3 havo",
            "Leerlingen gebruiken de woorden zelf in hun verslagen", null, expectedVersion);

    public static AgreeTrial ATrial(string what = "Een woordmuur in elke geschiedenisles") =>
        new(what, InThreeWeeks, "Gebruiken leerlingen de woorden in hun schrijfwerk?");

    public static Task<IScenarioResult> SendAsync(
        this IAlbaHost host, TestMember member, string url, object? body, int? status, bool put = false) =>
        host.Scenario(x =>
        {
            if (put) x.Put.Json(body!).ToUrl(url);
            else if (body is null) x.Post.Url(url);
            else x.Post.Json(body).ToUrl(url);
            x.As(member);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });

    public static async Task<InitiativeWritten> WrittenAsync(this Task<IScenarioResult> step) =>
        (await (await step).ReadAsJsonAsync<InitiativeWritten>())!;

    public static Task<IScenarioResult> RecordApproachAsync(
        this IAlbaHost host, TestMember member, Guid coalitionId, RecordApproach? approach = null, int? status = 200) =>
        host.SendAsync(member, $"/api/coalitions/{coalitionId}/approach", approach ?? AnApproach(), status, put: true);

    public static async Task<Guid> AgreeTrialAsync(this IAlbaHost host, TestMember initiator, Guid coalitionId,
        AgreeTrial? trial = null) =>
        (await host.SendAsync(initiator, $"/api/coalitions/{coalitionId}/trials", trial ?? ATrial(), 201)
            .WrittenAsync()).Id!.Value;

    public static Task<IScenarioResult> ShareExperienceAsync(
        this IAlbaHost host, TestMember member, Guid coalitionId, Guid trialId,
        string text = "De leerlingen gebruikten vier nieuwe woorden in hun verslag.", int? status = 201) =>
        host.SendAsync(member, $"/api/coalitions/{coalitionId}/trials/{trialId}/experiences",
            new ShareExperience("studentWork", text), status);

    public static Task<IScenarioResult> ReviewTrialAsync(this IAlbaHost host, TestMember member, Guid coalitionId,
        Guid trialId, int? status = 200) =>
        host.SendAsync(member, $"/api/coalitions/{coalitionId}/trials/{trialId}/review",
            new ReviewTrial("De woordmuur hielp bij het schrijven", "Minder woorden tegelijk"), status);

    public static async Task<TimelineView> TimelineAsync(this IAlbaHost host, TestMember viewer, Guid coalitionId,
        string? at = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url($"/api/coalitions/{coalitionId}/timeline"
                + (at is null ? "" : $"?at={Uri.EscapeDataString(at)}"));
            x.As(viewer);
        });
        return (await result.ReadAsJsonAsync<TimelineView>())!;
    }

    /// <summary>
    /// A moment just after the stream's last event, as the store recorded it (time travel reads the store's own
    /// commit times), rounded to what PostgreSQL keeps.
    /// </summary>
    public static async Task<DateTimeOffset> MomentAfterLastEventAsync(this IAlbaHost host, Guid streamId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, token: TestContext.Current.CancellationToken);
        var at = events[^1].Timestamp.AddTicks(10);
        return at.AddTicks(-(at.Ticks % 10));
    }
}

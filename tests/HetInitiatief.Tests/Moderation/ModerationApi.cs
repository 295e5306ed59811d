using Alba;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Moderation;

/// <summary>Given-steps for moderation: a moderator, a question posted some time ago, the radar.</summary>
public static class ModerationApi
{
    public static async Task<TestMember> ModeratorAsync(this AppFixture app)
    {
        var moderator = await app.Host.RegisterMemberAsync($"Moderator {Guid.NewGuid().ToString()[..4]}");
        await app.Host.GrantAsync(await app.AdminAsync(), moderator, MemberRoles.Moderator);
        return moderator;
    }

    /// <summary>A question whose posting lies this long in the past, written straight into its stream.</summary>
    public static async Task<Guid> QuestionPostedAgoAsync(this AppFixture app, TestMember owner, TimeSpan ago, string theme = "taal-en-lezen", string title = "Hoe help ik nieuwkomers met vaktaal?")
    {
        var id = Guid.CreateVersion7();
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream<Question>(id, new QuestionPosted(id, owner.Id, title, "Mijn nieuwkomers missen de woorden van de zaakvakken.",
            "Ik zie ze afhaken.", "Ik gebruik plaatjes.", [theme], "po", DateTimeOffset.UtcNow - ago));
        await session.SaveChangesAsync();
        return id;
    }

    public static async Task<RadarPage> RadarAsync(this AppFixture app, TestMember moderator)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url("/api/moderation/radar"); x.As(moderator); });
        return (await result.ReadAsJsonAsync<RadarPage>())!;
    }

    /// <summary>A member flags a contribution (a follow-up, a proposal, …) with a reason.</summary>
    public static Task<IScenarioResult> FlagAsync(this IAlbaHost host, TestMember member, string type, Guid id,
        string reason = "Dit is kwetsend.", int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new FlagContent(type, id, null, reason)).ToUrl("/api/flags");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<List<QueueItem>> ModerationQueueAsync(this IAlbaHost host, TestMember moderator) =>
        (await (await host.Scenario(x => { x.Get.Url("/api/moderation/queue"); x.As(moderator); }))
            .ReadAsJsonAsync<List<QueueItem>>())!;

    /// <summary>What moderators did and why, as anyone may read it.</summary>
    public static async Task<List<ModerationAction>> ModerationAuditAsync(this IAlbaHost host, TestMember viewer) =>
        (await (await host.Scenario(x => { x.Get.Url("/api/moderation/audit"); x.As(viewer); }))
            .ReadAsJsonAsync<List<ModerationAction>>())!;

    /// <summary>A moderator hides (<paramref name="action"/> "hide") or restores ("restore") content.</summary>
    public static Task<IScenarioResult> ReviewAsync(this IAlbaHost host, TestMember moderator, Guid moderationId,
        string action,
        string reason, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new Review(reason)).ToUrl($"/api/moderation/content/{moderationId}/{action}");
            x.As(moderator);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>A moderator merges a duplicate question into another.</summary>
    /// <summary>A moderator merges alone, which is for abuse only (<paramref name="abuse"/> says so).</summary>
    public static Task<IScenarioResult> MergeAsync(this IAlbaHost host, TestMember moderator, Guid duplicateId,
        Guid intoId, string reason = "Spam onder een gekopieerde titel.", bool abuse = true, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new MergeQuestion(intoId, reason, abuse)).ToUrl($"/api/moderation/questions/{duplicateId}/merge");
            x.As(moderator);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>Who a moderator could nudge about a radar item.</summary>
    public static async Task<List<NudgeAudience>> NudgeSuggestionsAsync(this IAlbaHost host, TestMember moderator,
        Guid itemId) =>
        (await (await host.Scenario(x =>
            {
                x.Get.Url($"/api/moderation/radar/{itemId}/suggestions");
                x.As(moderator);
            }))
            .ReadAsJsonAsync<List<NudgeAudience>>())!;

    public static Task<IScenarioResult> NudgeAsync(this IAlbaHost host, TestMember moderator, Guid itemId, Nudge nudge,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(nudge).ToUrl($"/api/moderation/radar/{itemId}/nudge");
            x.As(moderator);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>A moderator takes a radar item on.</summary>
    public static Task<IScenarioResult> TakeOnItemAsync(this IAlbaHost host, TestMember moderator, Guid itemId,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/moderation/radar/{itemId}/take-on");
            x.As(moderator);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> DismissItemAsync(this IAlbaHost host, TestMember moderator, Guid itemId,
        string reason,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new Dismiss(reason)).ToUrl($"/api/moderation/radar/{itemId}/dismiss");
            x.As(moderator);
            x.StatusCodeShouldBe(status);
        });
}

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
}

using Alba;
using HetInitiatief.Infrastructure;
using HetInitiatief.Members;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>Input no use case can take: a Dutch 400 naming the field, never a 500, and nothing breaks for the next person.</summary>
public sealed class BadInputTests(AppFixture app)
{
    [Theory]
    [InlineData("/api/members", "name")]
    [InlineData("/api/auth/token", "email")]
    [InlineData("/api/auth/password-reset", "email")]
    public async Task A_NUL_character_in_an_anonymous_request_is_a_400_naming_the_field(string url, string field)
    {
        var body = new Dictionary<string, string> { [field] = "An\u0000na", ["password"] = Api.Password, ["email2"] = "x" };

        var refused = await app.Host.Scenario(x => { x.Post.Json(body).ToUrl(url); x.StatusCodeShouldBe(400); });

        var problem = await refused.ProblemAsync();
        problem.Errors!.Keys.ShouldBe([field]);
        problem.Errors[field].ShouldBe([RequestBodies.NulRefusal]);
    }

    [Fact]
    public async Task A_NUL_character_deep_in_a_signed_in_request_names_the_nested_field()
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            x.Put.Json(new { preferences = new Dictionary<string, string> { ["closed"] = "in\u0000App" } }).ToUrl("/api/me/notification-preferences");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        (await refused.ProblemAsync()).Errors!.Keys.ShouldBe(["preferences.closed"]);
    }

    [Theory]
    [InlineData("/api/members", false)]
    [InlineData("/api/auth/token", false)]
    [InlineData("/api/questions", true)]
    [InlineData("/api/me/notification-preferences", true)]
    public async Task A_JSON_null_body_is_a_400_problem_not_a_500(string url, bool signedIn)
    {
        var member = signedIn ? await app.Host.RegisterMemberAsync() : null;

        var refused = await app.Host.Scenario(x =>
        {
            if (url.EndsWith("preferences")) x.Put.Text("null").ToUrl(url);
            else x.Post.Text("null").ToUrl(url);
            x.WithRequestHeader("Content-Type", "application/json");
            if (member is not null) x.As(member);
            x.StatusCodeShouldBe(400);
        });

        refused.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        (await refused.ProblemAsync()).Errors!.Keys.ShouldBe(["body"]);
    }

    [Fact]
    public async Task A_NUL_character_in_a_form_gets_the_Dutch_error_page()
    {
        var page = await app.Host.Scenario(x =>
        {
            x.Post.FormData(new Dictionary<string, string> { ["Email"] = "a\u0000b@school.example", ["Password"] = "x" }).ToUrl("/inloggen");
            x.StatusCodeShouldBe(400);
        });

        (await page.ReadAsTextAsync()).ShouldContain("<html lang=\"nl\"");
    }

    [Fact]
    public async Task After_NUL_characters_every_following_request_of_every_kind_succeeds()
    {
        for (var i = 0; i < 5; i++)
            await app.Host.Scenario(x => { x.Post.Json(new { email = $"a\u0000{i}@x.nl", password = "x" }).ToUrl("/api/auth/token"); x.StatusCodeShouldBe(400); });

        var members = new List<TestMember>();
        for (var i = 0; i < 25; i++) members.Add(await app.Host.RegisterMemberAsync());
        foreach (var member in members)
        {
            var question = await app.Host.PostQuestionAsync(member, QuestionSteps.AUniqueQuestion());
            await app.Host.AskFollowUpAsync(members[(members.IndexOf(member) + 1) % members.Count], question.QuestionId);
            await app.Host.Scenario(x => { x.Get.Url($"/api/questions/{question.QuestionId}"); x.As(member); x.StatusCodeShouldBeOk(); });
        }
    }

    /// <summary>
    /// The edge refuses NUL, but a statement that fails in PostgreSQL for any reason must not spoil the pooled
    /// connection it ran on for whoever gets that connection next.
    /// </summary>
    [Fact]
    public async Task A_statement_PostgreSQL_refuses_leaves_no_spoiled_connection_behind()
    {
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        for (var i = 0; i < 10; i++)
        {
            await using var session = store.LightweightSession();
            session.Store(new MemberLogin($"nul-{Guid.NewGuid():N}\u0000", Guid.NewGuid(), "hash\u0000"));
            await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync());
            await using var lookup = store.QuerySession();
            await Should.ThrowAsync<Exception>(() => lookup.LoadAsync<MemberLogin>($"a\u0000{i}@school.example"));
        }

        var member = await app.Host.RegisterMemberAsync();
        for (var i = 0; i < 100; i++)
        {
            await using var query = store.QuerySession();
            (await query.LoadAsync<MemberProfile>(member.Id)).ShouldNotBeNull();
            (await query.Query<MemberProfile>().Where(m => m.Id == member.Id).CountAsync()).ShouldBe(1);
            (await query.LoadAsync<MemberLogin>(MemberLogin.Normalise(member.Email))).ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData("/api/questions", "{\"title\":\"Hoe?\",\"themes\":5}", "themes")]
    [InlineData("/api/sessions", "{\"title\":\"x\",\"startsAt\":\"gisteren\"}", "startsAt")]
    [InlineData("/api/questions/00000000-0000-0000-0000-000000000001/links", "{\"questionId\":\"geen-guid\"}", "questionId")]
    public async Task A_value_of_the_wrong_type_is_a_Dutch_400_naming_the_field(string url, string body, string field)
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            x.Post.Text(body).ToUrl(url);
            x.WithRequestHeader("Content-Type", "application/json");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        var text = await refused.ReadAsTextAsync();
        text.ShouldNotContain("HetInitiatief.");
        var problem = System.Text.Json.JsonSerializer.Deserialize<Api.ProblemResponse>(text, System.Text.Json.JsonSerializerOptions.Web)!;
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe([field]);
        problem.Title.ShouldBe("Ongeldige invoer");
    }
}

using Alba;
using HetInitiatief.Infrastructure;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>What the fuzz test found, each pinned down: refused at the edge with Dutch problem details, never a 500.</summary>
public sealed class EdgeRefusalTests(AppFixture app)
{
    [Fact]
    public async Task A_body_larger_than_any_form_needs_is_a_Dutch_413_problem()
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            x.Post.Json(QuestionSteps.AQuestion(title: new string('a', 1 << 20))).ToUrl("/api/questions");
            x.As(member);
            x.StatusCodeShouldBe(413);
        });

        refused.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        (await refused.ProblemAsync()).Detail.ShouldBe(RequestBodies.TooLarge.Detail);
    }

    [Fact]
    public async Task A_body_sent_in_chunks_without_a_length_is_stopped_at_the_limit_with_a_413()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var member = await Api.RegisterAtAsync(http);
        var body = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(QuestionSteps.AQuestion(title: new string('a', 1 << 20))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/questions")
        {
            // A stream of unknown length goes out with Transfer-Encoding: chunked, so no Content-Length warns the server.
            Content = new StreamContent(new UnknownLength(body)) { Headers = { ContentType = new("application/json") } },
            Headers = { Authorization = new("Bearer", member.Token) },
        };

        using var response = await http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(413);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private sealed class UnknownLength(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task A_list_holding_null_is_a_400_naming_the_list()
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            x.Put.Json(new { school = "De Regenboog", sector = "po", subjects = new string?[] { "rekenen", null } }).ToUrl("/api/me/profile");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        (await refused.ProblemAsync()).Errors!["subjects"].ShouldBe([RequestBodies.NullItemRefusal]);
    }

    [Theory]
    [InlineData("POST", "/api/questions/00000000-0000-0000-0000-000000000000/endorsements")]
    [InlineData("DELETE", "/api/coalitions/00000000-0000-0000-0000-000000000000/members/me")]
    [InlineData("POST", "/api/sessions/00000000-0000-0000-0000-000000000000/sign-ups")]
    public async Task An_id_of_all_zeros_is_a_404_problem(string method, string url)
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            if (method == "DELETE") x.Delete.Url(url);
            else x.Post.Url(url);
            x.As(member);
            x.StatusCodeShouldBe(404);
        });

        (await refused.ProblemAsync()).Detail.ShouldBe(RouteIds.EmptyIdRefusal);
    }

    [Fact]
    public async Task JSON_nested_ten_thousand_levels_deep_is_a_Dutch_400()
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            x.Post.Text("{\"title\":" + new string('[', 10_000) + new string(']', 10_000) + "}").ToUrl("/api/questions");
            x.WithRequestHeader("Content-Type", "application/json");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        var problem = await refused.ProblemAsync();
        problem.Title.ShouldBe("Ongeldige invoer");
        problem.Errors.ShouldNotBeNull().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_unknown_calendar_feed_is_a_404_problem_for_the_calendar_app_not_a_page()
    {
        var refused = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/agenda/{Guid.NewGuid():N}.ics");
            x.StatusCodeShouldBe(404);
        });

        refused.Context.Response.ContentType.ShouldStartWith("application/problem+json");
    }
}

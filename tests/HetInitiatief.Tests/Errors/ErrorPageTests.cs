using Alba;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Errors;

/// <summary>A browser that meets an error gets a Dutch page in the site's layout with a way back; the API keeps problem+json.</summary>
public sealed class ErrorPageTests(AppFixture app)
{
    [Fact]
    public async Task An_unknown_page_is_a_Dutch_404_page_with_a_way_back()
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/vragen/{Guid.NewGuid()}");
            x.WithRequestHeader("Accept", "text/html");
            x.StatusCodeShouldBe(404);
        });

        result.Context.Response.ContentType.ShouldStartWith("text/html");
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("Deze pagina bestaat niet");
        html.ShouldContain("href=\"/\">Naar de startpagina</a>");
        html.ShouldContain("class=\"site-header\"");
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_gets_a_Dutch_400_page_not_json()
    {
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(member);

        var result = await app.Host.Scenario(x =>
        {
            x.Post.FormData(new Dictionary<string, string> { ["FlagReason"] = "Dit hoort hier niet." })
                .ToUrl($"/vragen/{question.QuestionId}").QueryString("handler", "Flag");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        result.Context.Response.ContentType.ShouldStartWith("text/html");
        (await result.ReadAsTextAsync()).ShouldContain("Dit formulier kwam niet goed aan");
    }

    [Fact]
    public async Task A_member_refused_a_moderators_page_reads_why_in_Dutch()
    {
        var member = await app.Host.RegisterMemberAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url("/moderatie/gezondheid");
            x.As(member);
            x.StatusCodeShouldBe(403);
        });

        result.Context.Response.ContentType.ShouldStartWith("text/html");
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("Geen toegang");
        html.ShouldContain("href=\"/\">Naar de startpagina</a>");
    }

    [Fact]
    public async Task The_api_keeps_answering_problem_details()
    {
        var member = await app.Host.RegisterMemberAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{Guid.NewGuid()}");
            x.As(member);
            x.StatusCodeShouldBe(404);
        });
        result.Context.Response.ContentType.ShouldBe("application/problem+json");

        var unknown = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/bestaat-niet");
            x.As(member);
            x.StatusCodeShouldBe(404);
        });
        unknown.Context.Response.ContentType!.ShouldNotStartWith("text/html");
    }

    [Fact]
    public async Task The_frameworks_own_refusals_speak_Dutch_too()
    {
        var anonymous = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{Guid.NewGuid()}");
            x.StatusCodeShouldBe(401);
        });

        var problem = await anonymous.ProblemAsync();
        problem.Title.ShouldBe("Niet ingelogd");
        problem.Detail.ShouldContain("Log in");
    }
}

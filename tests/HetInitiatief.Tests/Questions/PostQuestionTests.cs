using Alba;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Questions;

public sealed class PostQuestionTests(AppFixture app)
{
    [Fact]
    public async Task A_posted_question_can_be_read_back_with_its_first_version()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna de Vries");

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(QuestionSteps.AQuestion("Hoe geef ik betere woordenschatlessen?", "taal-en-lezen", "didactiek")).ToUrl("/api/questions");
            x.As(owner);
            x.StatusCodeShouldBe(201);
        });
        var written = await result.ReadAsJsonAsync<HetInitiatief.Questions.QuestionWritten>();
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/questions/{written!.QuestionId}");

        var question = await app.Host.GetQuestionAsync(owner, written.QuestionId);
        question.Version.ShouldBe(1);
        question.Status.ShouldBe("open");
        question.Owner.Name.ShouldBe("Anna de Vries");
        question.Themes.Select(t => t.Code).ShouldBe(["taal-en-lezen", "didactiek"]);
        question.Versions.Single().Title.ShouldBe("Hoe geef ik betere woordenschatlessen?");
    }

    [Fact]
    public async Task Empty_oversize_and_unknown_fields_are_named_and_nothing_is_written()
    {
        var owner = await app.Host.RegisterMemberAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { title = new string('t', 151), context = "", whyMine = "w", alreadyKnown = "k", themes = new[] { "astrologie" }, sector = "wo" }).ToUrl("/api/questions");
            x.As(owner);
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ProblemAsync();
        problem.Errors!.Keys.ShouldBe(["title", "context", "themes", "sector"], ignoreOrder: true);
        problem.Errors["title"][0].ShouldContain("hoogstens 150");
        (await app.Host.BoardAsync(owner, "?status=all")).ShouldNotContain(q => q.Owner.Id == owner.Id);
    }

    [Fact]
    public async Task Posting_needs_a_signed_in_member()
    {
        await app.Host.Scenario(x =>
        {
            x.Post.Json(QuestionSteps.AQuestion()).ToUrl("/api/questions");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task An_unknown_question_is_a_404()
    {
        var member = await app.Host.RegisterMemberAsync();

        await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{Guid.NewGuid()}");
            x.As(member);
            x.StatusCodeShouldBe(404);
        });
    }
}

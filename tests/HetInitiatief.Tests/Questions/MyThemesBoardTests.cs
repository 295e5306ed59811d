using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Members;

namespace HetInitiatief.Tests.Questions;

public sealed class MyThemesBoardTests(AppFixture app)
{
    /// <summary>A made-up word only this test's questions contain, so other tests' questions never match.</summary>
    private static string UniqueWord() => "mijnthema" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(10));

    private async Task<BoardPage> BoardAsync(TestMember viewer, string query)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/questions?{query}"); x.As(viewer); x.StatusCodeShouldBeOk(); });
        return (await result.ReadAsJsonAsync<BoardPage>())!;
    }

    [Fact]
    public async Task Given_a_member_follows_a_theme_when_they_filter_on_my_themes_then_only_questions_in_it_show()
    {
        var poster = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var word = UniqueWord();
        var inTheme = await app.Host.PostQuestionAsync(poster, QuestionSteps.AQuestion($"Onderzoek naar {word} in de klas", "onderzoek"));
        await app.Host.PostQuestionAsync(poster, QuestionSteps.AQuestion($"Rekenen met {word}", "rekenen"));
        await app.Host.FollowThemeAsync(member, "onderzoek");

        var board = await BoardAsync(member, $"theme=mijn&q={word}");

        board.Questions.Select(q => q.Id).ShouldBe([inTheme.QuestionId]);
        board.MyThemes!.Select(t => t.Code).ShouldBe(["onderzoek"]);
        (await BoardAsync(member, $"q={word}")).MyThemes.ShouldBeNull();
    }

    [Fact]
    public async Task Given_a_member_follows_a_sector_then_my_themes_keeps_to_it()
    {
        var poster = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var word = UniqueWord();
        await app.Host.PostQuestionAsync(poster, QuestionSteps.AQuestion($"Onderzoek naar {word} in groep 8", "onderzoek"));
        await app.Host.FollowThemeAsync(member, "onderzoek");
        await app.Host.FollowSectorAsync(member, "vo");

        (await BoardAsync(member, $"theme=mijn&q={word}")).Questions.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_member_follows_no_themes_then_my_themes_is_empty_and_the_board_explains_how_to_follow()
    {
        var member = await app.Host.RegisterMemberAsync();

        var board = await BoardAsync(member, "theme=mijn");

        (board.Questions.Count, board.MyThemes!.Count).ShouldBe((0, 0));
        var browser = await PageVisitor.SignInAsync(app, member);
        var page = await browser.GetStringAsync("/vragen?theme=mijn");
        page.ShouldContain("Je volgt nog geen thema's.");
        page.ShouldContain("<a href=\"/themas\">");
        page.ShouldContain("<option value=\"mijn\" selected=\"selected\">Mijn thema's</option>");
    }
}

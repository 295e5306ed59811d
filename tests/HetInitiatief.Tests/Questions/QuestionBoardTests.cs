using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Questions;

public sealed class QuestionBoardTests(AppFixture app)
{
    /// <summary>A made-up word only this test's questions contain, so other tests' questions never match.</summary>
    private static string UniqueWord() => "proef" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(10));

    private static object Question(string title, string theme = "taal-en-lezen", string sector = "po") => new
    {
        title,
        context = "Leerlingen vergeten de woordenschatlessen van vorige week.",
        whyMine = "Ik geef les in de bovenbouw.",
        alreadyKnown = "Ik gebruik woordwebben.",
        themes = new[] { theme },
        sector,
    };

    [Fact]
    public async Task The_board_shows_newest_activity_first_with_counts()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var word = UniqueWord();
        var older = await app.Host.PostQuestionAsync(owner, Question($"Eerste vraag over {word}"));
        var newer = await app.Host.PostQuestionAsync(owner, Question($"Tweede vraag over {word}"));

        await app.Host.AskFollowUpAsync(colleague, older.QuestionId);

        var board = await BoardAsync(colleague, $"?q={word}");
        board.Select(c => c.Id).ShouldBe([older.QuestionId, newer.QuestionId]);
        board[0].FollowUpCount.ShouldBe(1);
        board[0].UnansweredFollowUpCount.ShouldBe(1);
        board[1].FollowUpCount.ShouldBe(0);
    }

    [Fact]
    public async Task Filters_by_theme_and_sector()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var word = UniqueWord();
        var art = await app.Host.PostQuestionAsync(owner, Question($"Kunst en {word}", "kunst-en-cultuur", "vo"));
        var sums = await app.Host.PostQuestionAsync(owner, Question($"Rekenen en {word}", "rekenen", "mbo"));

        (await BoardAsync(owner, $"?q={word}&theme=kunst-en-cultuur")).Select(c => c.Id).ShouldBe([art.QuestionId]);
        (await BoardAsync(owner, $"?q={word}&sector=mbo")).Select(c => c.Id).ShouldBe([sums.QuestionId]);
        (await BoardAsync(owner, $"?q={word}&sector=hbo")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dutch_search_finds_inflections_compounds_and_earlier_formulations()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var word = UniqueWord();
        var question = await app.Host.PostQuestionAsync(owner, Question($"Hoe motiveer ik leerlingen bij {word}?"));
        await app.Host.ReformulateAsync(owner, question.QuestionId, 1, "Een heel andere titel",
            context: "Helemaal nieuwe tekst.");

        // "leerling" (singular) finds "leerlingen"; "woordenschat" finds "woordenschatlessen"; the first title still counts.
        (await BoardAsync(owner, $"?q={word}+leerling")).Select(c => c.Id).ShouldBe([question.QuestionId]);
        (await BoardAsync(owner, $"?q={word}+woordenschat")).Select(c => c.Id).ShouldBe([question.QuestionId]);
        (await BoardAsync(owner, $"?q={word}+fietsenstalling")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_filters_are_refused_by_name()
    {
        var member = await app.Host.RegisterMemberAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/questions?theme=astrologie&sector=wo&status=gesloten");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        (await result.ProblemAsync()).Errors!.Keys.ShouldBe(["theme", "sector", "status"], ignoreOrder: true);
    }

    [Fact]
    public void Search_text_cannot_inject_query_syntax()
    {
        QuestionBoard.PrefixQuery("woordenschat & !(groep 5) | 'x'").ShouldBe("woordenschat:* & groep:* & 5:* & x:*");
        QuestionBoard.PrefixQuery(" !&| ").ShouldBeNull();
    }

    private Task<IReadOnlyList<BoardCard>> BoardAsync(TestMember member, string query) =>
        app.Host.BoardAsync(member, query);
}

using System.Text.Json;
using Alba;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Sessions;

/// <summary>
/// Open supply — a session with no question behind it — shows it seeks a question, and its host sees the open questions
/// and coalitions on its theme, their own sector first, the ones with a coalition before the ones without.
/// </summary>
public sealed class OpenSupplyTests(AppFixture app)
{
    // No other test uses this sector, so the host's own sector ranks exactly this test's questions first.
    private const string Sector = "hbo";
    private const string Theme = "kunst-en-cultuur";

    private static object AQuestionIn(string theme, string title) => new
    {
        title, context = "Mijn studenten maken weinig eigen werk; ze kopiëren voorbeelden.",
        whyMine = "Ik wil dat ze durven te experimenteren.", alreadyKnown = "Ik geef nu vooral opdrachten met een voorbeeld.",
        themes = new[] { theme }, sector = Sector,
    };

    private static object ASessionOn(string theme)
    {
        var plan = JsonSerializer.SerializeToNode(SessionSteps.ASession())!.AsObject();
        plan["theme"] = theme;
        return plan;
    }

    [Fact]
    public async Task The_host_of_open_supply_sees_the_questions_and_coalitions_on_its_theme_and_others_may_not()
    {
        // Given open questions on the theme (one with a coalition), one on another theme, and one of the host's own
        var host = await app.Host.RegisterMemberAsync("Hanna Aanbod", sector: Sector);
        var (asker, partner) = (await app.Host.RegisterMemberAsync(sector: Sector), await app.Host.RegisterMemberAsync());
        var withCoalition = await app.Host.PostQuestionAsync(asker, AQuestionIn(Theme, "Hoe laat ik studenten vrijer werken?"));
        var coalition = await app.Host.FormCoalitionAsync(asker, withCoalition.QuestionId, threshold: 3);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);
        var withoutCoalition = await app.Host.PostQuestionAsync(asker, AQuestionIn(Theme, "Hoe beoordeel ik creatief werk?"));
        var otherTheme = await app.Host.PostQuestionAsync(asker, AQuestionIn("rekenen", "Hoe oefenen mbo'ers breuken?"));
        var own = await app.Host.PostQuestionAsync(host, AQuestionIn(Theme, "Hoe geef ik zelf feedback op schetsen?"));

        // When the host schedules a session on the theme without a coalition
        var planned = await app.Host.ScheduleSessionAsync(host, ASessionOn(Theme));

        // Then it seeks a question, and the host is shown where it may fit
        (await app.Host.GetSessionAsync(partner, planned.SessionId)).SeeksQuestion.ShouldBeTrue();
        var matching = await (await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/sessions/{planned.SessionId}/matching-questions");
            x.As(host);
        })).ReadAsJsonAsync<List<QuestionSeekingSupply>>();
        matching!.Take(2).Select(q => q.QuestionId).ShouldBe([withCoalition.QuestionId, withoutCoalition.QuestionId]);
        var first = matching[0];
        (first.CoalitionId, first.Partners, first.Threshold, first.Link).ShouldBe(
            (coalition.CoalitionId, 2, 3, $"/vragen/{withCoalition.QuestionId}#coalitie"));
        matching.Select(q => q.QuestionId).ShouldNotContain(otherTheme.QuestionId);
        matching.Select(q => q.QuestionId).ShouldNotContain(own.QuestionId);

        var page = await (await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(host); }))
            .ReadAsTextAsync();
        page.ShouldContain("zoekt een vraag");
        page.ShouldContain("Vragen die bij je aanbod passen");
        page.ShouldContain("Hoe laat ik studenten vrijer werken?");

        // And nobody else is shown the host's list, nor may ask for it
        var forPartner = await (await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(partner); }))
            .ReadAsTextAsync();
        forPartner.ShouldContain("zoekt een vraag");
        forPartner.ShouldNotContain("Vragen die bij je aanbod passen");
        await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/sessions/{planned.SessionId}/matching-questions");
            x.As(partner);
            x.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/sessions/{Guid.NewGuid()}/matching-questions");
            x.As(host);
            x.StatusCodeShouldBe(404);
        });
        await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/sessions/{planned.SessionId}/matching-questions");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task A_coalition_session_seeks_no_question()
    {
        var initiator = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(initiator);
        var coalition = await app.Host.FormCoalitionAsync(initiator, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), coalition.CoalitionId);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), coalition.CoalitionId);
        await app.Host.AnAcceptedOfferAsync(initiator, initiator, coalition.CoalitionId);

        var planned = await app.Host.ScheduleSessionAsync(initiator, SessionSteps.ASession(coalitionId: coalition.CoalitionId));

        (await app.Host.GetSessionAsync(initiator, planned.SessionId)).SeeksQuestion.ShouldBeFalse();
        var matching = await (await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/sessions/{planned.SessionId}/matching-questions");
            x.As(initiator);
        })).ReadAsJsonAsync<List<QuestionSeekingSupply>>();
        matching.ShouldBeEmpty();
    }
}

using Alba;
using HetInitiatief.Members;
using HetInitiatief.Offers;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Workspace;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Workspace;

/// <summary>Mijn werkplek (<c>GET /api/me/workspace</c>): what waits for me, what is new in my themes, coalitions to join.</summary>
public sealed class WorkspaceTests(AppFixture app)
{
    [Fact]
    public async Task Anonymous_callers_get_a_401()
    {
        await app.Host.Scenario(x => { x.Get.Url("/api/me/workspace"); x.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_new_member_has_nothing_waiting_and_sees_the_first_steps()
    {
        var member = await app.Host.RegisterMemberAsync();

        var workspace = await WorkspaceAsync(member);

        workspace.Waiting.ShouldBeEmpty();
        workspace.NewInMyThemes.ShouldBeEmpty();
        workspace.CoalitionsToJoin.ShouldBeEmpty();
        workspace.MyThemes.ShouldBeEmpty();
        (workspace.UnreadNotifications, workspace.FirstSteps).ShouldBe((0, new FirstSteps(false, false, false)));
        var page = await PageAsync(member);
        page.ShouldContain("Stel je eerste leervraag");
        page.ShouldContain("Kies thema's die je volgt");
        page.ShouldContain("Vul je profiel aan");
        page.ShouldContain("Er wacht nu niets op je.");
    }

    [Fact]
    public async Task A_follow_up_waits_for_the_owner_until_she_answers_and_then_the_answer_waits_for_the_asker()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna Werkplek");
        var colleague = await app.Host.RegisterMemberAsync("Bram Werkplek");
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AQuestion("Hoe laat ik leerlingen elkaar feedback geven?"));

        var followUp = await app.Host.AskFollowUpAsync(colleague, question.QuestionId, "Wat doe je nu al met feedback?");

        var item = Waiting(await WorkspaceAsync(owner), WaitingKinds.FollowUpToAnswer).ShouldHaveSingleItem();
        (item.Title, item.Subject, item.Text, item.Link).ShouldBe(
            ("Beantwoord de vervolgvraag van Bram Werkplek", "Hoe laat ik leerlingen elkaar feedback geven?", "Wat doe je nu al met feedback?", $"/vragen/{question.QuestionId}#vervolgvraag-{followUp.FollowUpId}"));
        (await WorkspaceAsync(owner)).FirstSteps.AskedAQuestion.ShouldBeTrue();
        Waiting(await WorkspaceAsync(colleague), WaitingKinds.FollowUpAnswered).ShouldBeEmpty();
        (await PageAsync(owner)).ShouldContain($"href=\"/vragen/{question.QuestionId}#vervolgvraag-{followUp.FollowUpId}\"");

        await app.Host.AnswerFollowUpAsync(owner, question.QuestionId, followUp.FollowUpId,
            "Nog weinig: ik geef zelf de feedback.");

        Waiting(await WorkspaceAsync(owner), WaitingKinds.FollowUpToAnswer).ShouldBeEmpty();
        var answer = Waiting(await WorkspaceAsync(colleague), WaitingKinds.FollowUpAnswered).ShouldHaveSingleItem();
        (answer.Title, answer.Text, answer.Link).ShouldBe(("Anna Werkplek beantwoordde je vervolgvraag", "Nog weinig: ik geef zelf de feedback.", $"/vragen/{question.QuestionId}#vervolgvraag-{followUp.FollowUpId}"));
    }

    [Fact]
    public async Task A_coalition_of_mine_shows_when_it_is_one_or_two_partners_short_or_closes_within_a_week()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var almost = await app.Host.PostQuestionAsync(owner);
        var far = await app.Host.PostQuestionAsync(owner);
        var closing = await app.Host.PostQuestionAsync(owner);
        var almostCoalition = await app.Host.FormCoalitionAsync(owner, almost.QuestionId, threshold: 3);
        await app.Host.FormCoalitionAsync(owner, far.QuestionId, threshold: 10);
        await app.Host.FormCoalitionAsync(owner, closing.QuestionId, threshold: 10, closesAt: DateTimeOffset.UtcNow.AddDays(3));

        var items = Waiting(await WorkspaceAsync(owner), WaitingKinds.Coalition);

        items.Select(i => i.Link).ShouldBe([$"/vragen/{closing.QuestionId}#coalitie", $"/vragen/{almost.QuestionId}#coalitie"]);
        items[0].Title.ShouldStartWith("Sluit over 3 dagen: nog 9 partners nodig");
        items[1].Title.ShouldBe("Nog 2 partners nodig");

        await app.Host.JoinAsync(partner, almostCoalition.CoalitionId);
        Waiting(await WorkspaceAsync(partner), WaitingKinds.Coalition).ShouldContain(i => i.Title == "Nog 1 partner nodig");
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), almostCoalition.CoalitionId);
        Waiting(await WorkspaceAsync(partner), WaitingKinds.Coalition).ShouldNotContain(i => i.Link.Contains(almost.QuestionId.ToString()));
    }

    [Fact]
    public async Task An_offer_waits_for_my_reaction_and_a_session_I_signed_up_for_is_listed()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var proposer = await app.Host.RegisterMemberAsync("Petra Aanbod");
        var question = await app.Host.PostQuestionAsync(owner);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);
        await app.Host.JoinAsync(proposer, coalition.CoalitionId);
        await app.Host.OffersAsync(proposer, "taal-en-lezen");
        var proposalId = await app.Host.ProposeAsync(proposer, coalition.CoalitionId,
            new MakeProposal("Werkplaats woorden die blijven", "Je ontwerpt een les waarin woorden terugkomen.",
                "werkplaats", "fysiek", "14 januari"));

        var offer = Waiting(await WorkspaceAsync(partner), WaitingKinds.Proposal).ShouldHaveSingleItem();
        (offer.Title, offer.Text, offer.Link).ShouldBe(("Reageer op het aanbod van Petra Aanbod", "Werkplaats woorden die blijven", $"/vragen/{question.QuestionId}#aanbod"));
        Waiting(await WorkspaceAsync(proposer), WaitingKinds.Proposal).ShouldBeEmpty();
        await app.Host.ReactAsync(partner, proposalId, Reactions.Interested);
        Waiting(await WorkspaceAsync(partner), WaitingKinds.Proposal).ShouldBeEmpty();

        var session = await app.Host.ScheduleSessionAsync(owner);
        await app.Host.SignUpAsync(partner, session.SessionId);
        var seat = Waiting(await WorkspaceAsync(partner), WaitingKinds.Session).ShouldHaveSingleItem();
        (seat.Title, seat.Link).ShouldBe(("Je bent aangemeld", $"/bijeenkomsten/{session.SessionId}"));
    }

    [Fact]
    public async Task Questions_and_coalitions_of_colleagues_in_the_themes_I_offer_or_follow_are_suggested()
    {
        var me = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        await app.Host.OffersAsync(me, "bewegingsonderwijs");
        await FollowAsync(me, "onderzoek");
        var offered = await app.Host.PostQuestionAsync(colleague, QuestionSteps.AQuestion("Hoe maak ik de gymles veiliger?", "bewegingsonderwijs"));
        var followed = await app.Host.PostQuestionAsync(colleague, QuestionSteps.AQuestion("Hoe doe ik praktijkonderzoek in mijn klas?", "onderzoek"));
        var elsewhere = await app.Host.PostQuestionAsync(colleague, QuestionSteps.AQuestion("Hoe geef ik rekenles met materiaal?", "rekenen"));
        var mine = await app.Host.PostQuestionAsync(me, QuestionSteps.AQuestion("Hoe leer ik zelf beter bewegen?", "bewegingsonderwijs"));
        var coalition = await app.Host.FormCoalitionAsync(colleague, offered.QuestionId, threshold: 4);

        var workspace = await WorkspaceAsync(me);

        workspace.MyThemes.Select(t => t.Code).ShouldBe(["onderzoek", "bewegingsonderwijs"], ignoreOrder: true);
        var shown = workspace.NewInMyThemes.Select(q => q.QuestionId).ToList();
        shown.ShouldContain(offered.QuestionId);
        shown.ShouldContain(followed.QuestionId);
        shown.ShouldNotContain(elsewhere.QuestionId);
        shown.ShouldNotContain(mine.QuestionId);
        var suggestion = workspace.CoalitionsToJoin.Single(c => c.QuestionId == offered.QuestionId);
        (suggestion.Partners, suggestion.Threshold, suggestion.Missing, suggestion.Link).ShouldBe((1, 4, 3, $"/vragen/{offered.QuestionId}#coalitie"));

        await app.Host.JoinAsync(me, coalition.CoalitionId);
        (await WorkspaceAsync(me)).CoalitionsToJoin.ShouldNotContain(c => c.QuestionId == offered.QuestionId);
    }

    [Fact]
    public async Task A_member_opening_the_home_page_lands_on_the_werkplek_and_the_board_lives_at_vragen()
    {
        var member = await app.Host.RegisterMemberAsync();

        await app.Host.Scenario(x => { x.Get.Url("/"); x.As(member); x.StatusCodeShouldBe(302); x.Header("Location").SingleValueShouldEqual("/werkplek"); });
        await app.Host.Scenario(x => { x.Get.Url("/?theme=rekenen"); x.As(member); x.StatusCodeShouldBe(302); x.Header("Location").SingleValueShouldEqual("/vragen?theme=rekenen"); });
        var board = await app.Host.Scenario(x => { x.Get.Url("/vragen?theme=rekenen"); x.As(member); });
        (await board.ReadAsTextAsync()).ShouldContain("<h1>Leervragen</h1>");
        (await (await app.Host.Scenario(x => x.Get.Url("/"))).ReadAsTextAsync()).ShouldContain("Heb jij zin in een avontuur?");
    }

    private async Task FollowAsync(TestMember member, string theme)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.Append(member.Id, new MemberFollowedTheme(member.Id, theme, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static IReadOnlyList<WaitingItem> Waiting(WorkspaceView workspace, string kind) =>
        workspace.Waiting.SingleOrDefault(g => g.Kind == kind)?.Items ?? [];

    private Task<WorkspaceView> WorkspaceAsync(TestMember member) => app.Host.MyWorkspaceAsync(member);

    private async Task<string> PageAsync(TestMember member) =>
        await (await app.Host.Scenario(x => { x.Get.Url("/werkplek"); x.As(member); })).ReadAsTextAsync();
}

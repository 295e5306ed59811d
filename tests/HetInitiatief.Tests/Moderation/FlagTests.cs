using Alba;
using HetInitiatief.Moderation;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Moderation;

public sealed class FlagTests(AppFixture app)
{
    private Task<IScenarioResult> FlagAsync(TestMember member, string type, Guid id, string reason = "Dit is kwetsend.", int status = 200) =>
        app.Host.FlagAsync(member, type, id, reason, status);

    [Fact]
    public async Task A_follow_up_flagged_by_three_members_is_hidden_until_a_moderator_restores_it_and_its_author_hears_why()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var author = await app.Host.RegisterMemberAsync();
        var flaggers = new[] { await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync() };
        var question = await app.Host.PostQuestionAsync(owner);
        var followUp = await app.Host.AskFollowUpAsync(author, question.QuestionId, "Waarom doe je niet gewoon je werk?");

        await FlagAsync(flaggers[0], ContentTypes.FollowUp, followUp.FollowUpId);
        await FlagAsync(flaggers[0], ContentTypes.FollowUp, followUp.FollowUpId);
        await FlagAsync(flaggers[1], ContentTypes.FollowUp, followUp.FollowUpId);
        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).FollowUps.Single().Text.ShouldBe("Waarom doe je niet gewoon je werk?");
        var third = await (await FlagAsync(flaggers[2], ContentTypes.FollowUp, followUp.FollowUpId)).ReadAsJsonAsync<FlagResult>();
        third!.Hidden.ShouldBeTrue();

        // Hidden for others; the author sees it with the reason; a moderator sees it in the queue.
        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).FollowUps.Single().Text.ShouldBe(HiddenContent.Placeholder);
        var forAuthor = await app.Host.GetQuestionAsync(author, question.QuestionId);
        forAuthor.FollowUps.Single().Text.ShouldBe("Waarom doe je niet gewoon je werk?");
        forAuthor.Moderation!.ShouldHaveSingleItem().Mine.ShouldBeTrue();
        (await app.Host.GetsNotifiedAsync(author, NotificationKinds.ContentHidden)).ShouldBeTrue();
        var moderator = await app.ModeratorAsync();
        var queue = await app.Host.ModerationQueueAsync(moderator);
        var waiting = queue!.Single(q => q.ContentId == followUp.FollowUpId);
        (waiting.Hidden, waiting.Flags.Count, waiting.Author.Id).ShouldBe((true, 3, author.Id));

        // When the moderator restores it with a reason, everyone sees it again and the author hears why.
        await app.Host.ReviewAsync(moderator, waiting.ModerationId, "restore", "", status: 400);
        await app.Host.ReviewAsync(moderator, waiting.ModerationId, "restore", "Scherp, maar een echte vraag.");
        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).FollowUps.Single().Text.ShouldBe("Waarom doe je niet gewoon je werk?");
        (await app.Host.GetsNotifiedAsync(author, NotificationKinds.ContentRestored)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(author)).Notifications.Single(n => n.Kind == NotificationKinds.ContentRestored).Text.ShouldContain("Scherp, maar een echte vraag.");
        var audit = await app.Host.ModerationAuditAsync(moderator);
        audit!.ShouldContain(a => a.By == null && a.What.Contains("automatisch"));
        audit!.ShouldContain(a => a.By!.Id == moderator.Id && a.Why == "Scherp, maar een echte vraag.");
    }

    [Fact]
    public async Task Five_members_flagging_at_once_hide_a_question_exactly_once_and_it_leaves_the_board()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var title = $"Zoekwoord{Guid.NewGuid():N}";
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AQuestion(title));
        var flaggers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Host.RegisterMemberAsync()));

        await Task.WhenAll(flaggers.Select(f => FlagAsync(f, ContentTypes.Question, question.QuestionId)));

        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(ContentModeration.IdFor(ContentTypes.Question, question.QuestionId))).Select(e => e.Data).ToList();
        events.OfType<ContentFlagged>().Select(f => f.FlaggedBy).ShouldBe(flaggers.Select(f => f.Id), ignoreOrder: true);
        events.OfType<ContentHidden>().ShouldHaveSingleItem().HiddenBy.ShouldBeNull();
        var board = await (await app.Host.Scenario(x => { x.Get.Url($"/api/questions?q={title}"); x.As(flaggers[0]); })).ReadAsTextAsync();
        board.ShouldNotContain(title);
        (await app.Host.GetQuestionAsync(flaggers[0], question.QuestionId)).Title.ShouldBe(HiddenContent.Placeholder);
        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).Title.ShouldBe(title);
    }

    [Fact]
    public async Task Flags_count_only_from_members_who_confirmed_their_address()
    {
        // Given a question two unconfirmed accounts flagged before addresses were confirmed (written as they were then)
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var scripted = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => app.Host.RegisterMemberAsync(confirmed: false)));
        var moderationId = ContentModeration.IdFor(ContentTypes.Question, question.QuestionId);
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<ContentModeration>(moderationId, scripted.Select(m => (object)new ContentFlagged(moderationId, ContentTypes.Question,
                question.QuestionId, null, question.QuestionId, owner.Id, m.Id, "Weg ermee.", DateTimeOffset.UtcNow)).ToArray());
            await session.SaveChangesAsync();
        }

        // When an unconfirmed member flags today, she is refused; and two confirmed members flag
        (await (await FlagAsync(await app.Host.RegisterMemberAsync(confirmed: false), ContentTypes.Question, question.QuestionId, status: 403)).ReadAsTextAsync())
            .ShouldContain("Bevestig eerst je e-mailadres");
        var confirmed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Host.RegisterMemberAsync()));
        (await (await FlagAsync(confirmed[0], ContentTypes.Question, question.QuestionId)).ReadAsJsonAsync<FlagResult>())!.Hidden.ShouldBeFalse();
        (await (await FlagAsync(confirmed[1], ContentTypes.Question, question.QuestionId)).ReadAsJsonAsync<FlagResult>())!.Hidden.ShouldBeFalse();

        // Then four flags hide nothing; the third confirmed member's flag does
        (await app.Host.GetQuestionAsync(confirmed[0], question.QuestionId)).Title.ShouldNotBe(HiddenContent.Placeholder);
        (await (await FlagAsync(confirmed[2], ContentTypes.Question, question.QuestionId)).ReadAsJsonAsync<FlagResult>())!.Hidden.ShouldBeTrue();
        await using var query = store.QuerySession();
        (await query.Events.FetchStreamAsync(moderationId)).Select(e => e.Data).OfType<ContentFlagged>().Count().ShouldBe(5);
    }

    [Fact]
    public async Task A_flag_needs_a_reason_content_that_exists_and_someone_else_as_its_author()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        (await (await FlagAsync(colleague, ContentTypes.Question, question.QuestionId, "", 400)).ProblemAsync()).Errors!.Keys.ShouldContain("reason");
        (await (await FlagAsync(owner, ContentTypes.Question, question.QuestionId, status: 400)).ProblemAsync()).Errors!.Keys.ShouldContain("contentId");
        await FlagAsync(colleague, ContentTypes.FollowUp, Guid.NewGuid(), status: 404);
        (await (await FlagAsync(colleague, "opmerking", question.QuestionId, status: 400)).ProblemAsync()).Errors!.Keys.ShouldContain("contentType");
    }

    [Fact]
    public async Task A_moderator_hides_an_offer_with_a_reason_only_its_author_and_moderators_still_see_it()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var provider = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var moderator = await app.ModeratorAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        await app.Host.AskFollowUpAsync(colleague, question.QuestionId);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(colleague, coalition.CoalitionId);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), coalition.CoalitionId);
        await app.Host.OffersAsync(provider, "taal-en-lezen");
        var proposalId = await app.Host.ProposeAsync(provider, coalition.CoalitionId,
            new HetInitiatief.Offers.MakeProposal("Koop mijn methode", "Na afloop heb je mijn boek gekocht.", "lezing",
                "online", "Altijd"));
        await FlagAsync(colleague, ContentTypes.Proposal, proposalId, "Reclame, geen aanbod voor onze vraag.");
        var moderationId = ContentModeration.IdFor(ContentTypes.Proposal, proposalId);

        await app.Host.ReviewAsync(colleague, moderationId, "hide", "Reclame hoort hier niet.", status: 403);
        await app.Host.ReviewAsync(moderator, moderationId, "hide", "Reclame hoort hier niet.");

        async Task<string> TitleSeenBy(TestMember viewer) => (await app.Host.ProposalsAsync(viewer,
            coalition.CoalitionId)).Single().Title;
        (await TitleSeenBy(colleague)).ShouldBe(HiddenContent.Placeholder);
        (await TitleSeenBy(provider)).ShouldBe("Koop mijn methode");
        (await TitleSeenBy(moderator)).ShouldBe("Koop mijn methode");
        (await app.Host.GetsNotifiedAsync(provider, NotificationKinds.ContentHidden)).ShouldBeTrue();
    }
}

using System.Threading.Channels;
using Alba;
using HetInitiatief.Live;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Notifications;

/// <summary>Doorvragen reaches people: who hears of a follow-up, an answer and a sharper question.</summary>
public sealed class QuestionNotificationsTests(AppFixture app)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid(), Asker = Guid.NewGuid(), Follower = Guid.NewGuid(), Partner = Guid.NewGuid();
    private static readonly Guid FollowUpId = Guid.NewGuid();

    private static QuestionDetails AQuestion(bool answered = false)
    {
        var id = Guid.NewGuid();
        var question = QuestionDetails.Create(new QuestionPosted(id, Owner, "Hoe leer ik woorden?", "Context", "Waarom", "Weet", ["taal-en-lezen"], "po", Now))
            .Apply(new FollowUpAsked(id, FollowUpId, Asker, "Welke woorden kies je?", Now));
        return answered ? question.Apply(new FollowUpAnswered(id, FollowUpId, Owner, "Die uit de methode.", Now)) : question;
    }

    private static QuestionNews News(QuestionDetails question, string change, Guid actor, bool aboutFollowUp = true) =>
        new(Guid.NewGuid(), question.Id, change, actor, aboutFollowUp ? FollowUpId : null, Now);

    private static readonly QuestionAudience Audience = new([Follower, Asker], [Owner, Partner], Hidden: false);

    [Fact]
    public void A_follow_up_tells_the_owner_personally_and_the_followers_it_happened_but_never_the_asker()
    {
        var question = AQuestion();

        var sent = QuestionNotifications.For(News(question, QuestionNews.Asked, Asker), question, Audience, "Bram");

        sent.Select(n => (n.MemberId, n.Kind)).ShouldBe(
            [(Owner, NotificationKinds.FollowUpAsked), (Follower, NotificationKinds.FollowedQuestionFollowUp)], ignoreOrder: true);
        var owners = sent.Single(n => n.MemberId == Owner);
        owners.Text.ShouldBe("Bram vraagt door op je vraag \"Hoe leer ik woorden?\": \"Welke woorden kies je?\"");
        owners.Link.ShouldBe($"/vragen/{question.Id}#vervolgvraag-{FollowUpId}");
    }

    [Fact]
    public void An_answer_tells_the_member_who_asked_and_nobody_else()
    {
        var question = AQuestion(answered: true);

        var sent = QuestionNotifications.For(News(question, QuestionNews.Answered, Owner), question, Audience, "Anna");

        var told = sent.ShouldHaveSingleItem();
        (told.MemberId, told.Kind).ShouldBe((Asker, NotificationKinds.FollowUpAnswered));
        told.Text.ShouldBe("Anna beantwoordde je vervolgvraag op \"Hoe leer ik woorden?\": \"Die uit de methode.\"");
        told.Link.ShouldEndWith($"#vervolgvraag-{FollowUpId}");
    }

    [Fact]
    public void A_sharper_question_tells_askers_followers_and_the_coalition_once_each_but_not_the_owner_who_sharpened_it()
    {
        var question = AQuestion();

        var sent = QuestionNotifications.For(News(question, QuestionNews.Reformulated, Owner, aboutFollowUp: false), question, Audience, "Anna");

        sent.Select(n => n.MemberId).ShouldBe([Asker, Follower, Partner], ignoreOrder: true);
        sent.ShouldAllBe(n => n.Kind == NotificationKinds.QuestionSharpened && n.Link == $"/vragen/{question.Id}#geschiedenis");
    }

    [Fact]
    public void A_withdrawn_or_hidden_question_tells_no_one()
    {
        var question = AQuestion();
        var withdrawn = question.Apply(new QuestionWithdrawn(question.Id, Owner, Now));

        QuestionNotifications.For(News(withdrawn, QuestionNews.Asked, Asker), withdrawn, Audience, "Bram").ShouldBeEmpty();
        QuestionNotifications.For(News(question, QuestionNews.Asked, Asker), question, Audience with { Hidden = true }, "Bram").ShouldBeEmpty();
    }

    [Fact]
    public void The_same_news_gives_the_same_ids_so_a_retried_message_stores_each_notification_once()
    {
        var question = AQuestion();
        var news = News(question, QuestionNews.Asked, Asker);

        QuestionNotifications.For(news, question, Audience, "Bram").Select(n => n.Id)
            .ShouldBe(QuestionNotifications.For(news, question, Audience, "Bram").Select(n => n.Id));
    }

    [Fact]
    public async Task The_owner_is_told_of_a_follow_up_in_the_app_and_at_once_by_mail_and_the_asker_of_the_answer()
    {
        var anna = await app.Host.RegisterMemberAsync("Anna Doorvraag");
        var bram = await app.Host.RegisterMemberAsync("Bram Doorvraag");
        var question = await app.Host.PostQuestionAsync(anna, QuestionSteps.AUniqueQuestion());

        var followUp = await app.Host.AskFollowUpAsync(bram, question.QuestionId, "Wat heb je al geprobeerd?");

        (await app.Host.GetsNotifiedAsync(anna, NotificationKinds.FollowUpAsked)).ShouldBeTrue();
        var told = (await app.Host.NotificationsAsync(anna)).Notifications.Single(n => n.Kind == NotificationKinds.FollowUpAsked);
        told.Text.ShouldStartWith("Bram Doorvraag vraagt door op je vraag");
        told.Link.ShouldBe($"/vragen/{question.QuestionId}#vervolgvraag-{followUp.FollowUpId}");
        var mail = await app.MailToAsync(anna.Email, "Nieuwe melding op Het Initiatief");
        mail.ShouldNotBeNull();
        mail.ShouldContain("Wat heb je al geprobeerd?");
        (await app.Host.NotificationsAsync(bram)).Notifications.ShouldNotContain(n => n.Kind == NotificationKinds.FollowUpAsked);

        await app.Host.AnswerFollowUpAsync(anna, question.QuestionId, followUp.FollowUpId,
            "Woordwebben, maar die beklijven niet.");

        (await app.Host.GetsNotifiedAsync(bram, NotificationKinds.FollowUpAnswered)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(bram)).Notifications.Single(n => n.Kind == NotificationKinds.FollowUpAnswered)
            .Text.ShouldContain("Woordwebben, maar die beklijven niet.");
    }

    [Fact]
    public async Task A_follower_finds_a_follow_up_in_the_daily_digest_by_default()
    {
        var admin = await app.AdminAsync();
        var anna = await app.Host.RegisterMemberAsync("Anna Volgt");
        var cas = await app.Host.RegisterMemberAsync("Cas Volgt");
        var question = await app.Host.PostQuestionAsync(anna, QuestionSteps.AUniqueQuestion());
        await app.Host.FollowAsync(cas, question.QuestionId);

        await app.Host.AskFollowUpAsync(await app.Host.RegisterMemberAsync("Bram Volgt"), question.QuestionId);

        (await app.Host.GetsNotifiedAsync(cas, NotificationKinds.FollowedQuestionFollowUp)).ShouldBeTrue();
        (await Eventually.TrueAsync(async () =>
        {
            await app.Host.Scenario(x => { x.Post.Url("/api/admin/digest/run"); x.As(admin); x.StatusCodeShouldBeOk(); });
            return (await app.MailsToAsync(cas.Email)).Count > 0;
        })).ShouldBeTrue();
        var digest = (await app.MailsToAsync(cas.Email)).ShouldHaveSingleItem();
        digest.ShouldContain("Subject: Je dagelijkse overzicht van Het Initiatief");
        digest.ShouldContain("Bram Volgt vraagt door op");
        digest.ShouldContain("een vraag die je volgt");
    }

    [Fact]
    public async Task The_owner_with_the_page_open_gets_the_follow_up_notification_live()
    {
        var anna = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(anna, QuestionSteps.AUniqueQuestion());
        var pushed = Channel.CreateUnbounded<NotificationAdded>();
        await using var connection = app.Host.LiveConnection(anna.Token);
        connection.On<NotificationAdded>("notificationAdded", n => pushed.Writer.TryWrite(n));
        await connection.StartAsync();

        var followUp = await app.Host.AskFollowUpAsync(await app.Host.RegisterMemberAsync(), question.QuestionId);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        NotificationAdded received;
        do received = await pushed.Reader.ReadAsync(timeout.Token);
        while (received.Kind != NotificationKinds.FollowUpAsked);
        (received.MemberId, received.Link).ShouldBe((anna.Id, $"/vragen/{question.QuestionId}#vervolgvraag-{followUp.FollowUpId}"));
    }
}

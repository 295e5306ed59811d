using Alba;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Notifications;

public sealed class NotificationMailTests(AppFixture app)
{
    [Fact]
    public async Task A_member_who_chose_immediate_gets_a_mail_when_someone_joins_their_coalition()
    {
        var anna = await app.Host.RegisterMemberAsync("Anna Meteen");
        await ChooseAsync(anna, NotificationKinds.JoinedMyCoalition, Deliveries.Immediate);
        var question = await app.Host.PostQuestionAsync(anna);
        var formed = await app.Host.FormCoalitionAsync(anna, question.QuestionId, threshold: 5);

        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync("Bram Meteen"), formed.CoalitionId);

        var mail = await app.MailToAsync(anna.Email, "Nieuwe melding op Het Initiatief");
        mail.ShouldNotBeNull();
        mail.ShouldContain("Bram Meteen doet mee met je coalitie als partner");
        mail.ShouldContain($"/vragen/{question.QuestionId}#coalitie");
    }

    [Fact]
    public async Task A_digest_member_gets_nothing_at_once_and_one_mail_with_both_notifications_when_the_digest_runs_and_none_on_the_next_run()
    {
        var admin = await app.AdminAsync();
        var anna = await app.Host.RegisterMemberAsync("Anna Overzicht");
        await ChooseAsync(anna, NotificationKinds.JoinedMyCoalition, Deliveries.Digest);
        var question = await app.Host.PostQuestionAsync(anna, QuestionSteps.AUniqueQuestion());
        var formed = await app.Host.FormCoalitionAsync(anna, question.QuestionId, threshold: 5);

        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync("Bram Overzicht"), formed.CoalitionId);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync("Cas Overzicht"), formed.CoalitionId);
        (await Eventually.TrueAsync(async () => await WaitingForDigestAsync(anna) == 2)).ShouldBeTrue();
        (await app.MailsToAsync(anna.Email)).ShouldBeEmpty();

        await RunDigestAsync(admin);

        var digest = (await app.MailsToAsync(anna.Email)).ShouldHaveSingleItem();
        digest.ShouldContain("Subject: Je dagelijkse overzicht van Het Initiatief: 2 meldingen");
        digest.ShouldContain("Bram Overzicht doet mee met je coalitie");
        digest.ShouldContain("Cas Overzicht doet mee met je coalitie");

        await RunDigestAsync(admin);
        (await app.MailsToAsync(anna.Email)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_member_sees_and_changes_their_choices_and_unknown_ones_are_refused_per_field()
    {
        var member = await app.Host.RegisterMemberAsync();
        var initial = await app.Host.Scenario(x => { x.Get.Url("/api/me/notification-preferences"); x.As(member); });
        var view = (await initial.ReadAsJsonAsync<NotificationPreferencesView>())!;
        view.Preferences.Keys.ShouldBe(NotificationPreferences.ChoosableKinds, ignoreOrder: true);
        view.Preferences.ShouldAllBe(p => p.Value == NotificationPreferences.Default(p.Key));
        view.Preferences[NotificationKinds.FollowUpAsked].ShouldBe(Deliveries.Immediate);
        view.Preferences[NotificationKinds.FollowedQuestionFollowUp].ShouldBe(Deliveries.Digest);
        view.Preferences[NotificationKinds.ClosingSoon].ShouldBe(Deliveries.InApp);
        view.ExpertiseRequestsPerWeek.ShouldBe(NotificationPreferences.DefaultExpertiseRequestsPerWeek);

        await ChooseAsync(member, NotificationKinds.SessionMoved, Deliveries.Digest);
        var changed = await app.Host.Scenario(x => { x.Get.Url("/api/me/notification-preferences"); x.As(member); });
        (await changed.ReadAsJsonAsync<NotificationPreferencesView>())!.Preferences[NotificationKinds.SessionMoved].ShouldBe(Deliveries.Digest);

        var refused = await app.Host.Scenario(x =>
        {
            x.Put.Json(new { preferences = new Dictionary<string, string> { ["astrologie"] = Deliveries.Digest, [NotificationKinds.Closed] = "duif" } }).ToUrl("/api/me/notification-preferences");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });
        (await refused.ProblemAsync()).Errors!.Keys.Order().ShouldBe(["preferences.astrologie", "preferences.closed"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task The_weekly_cap_on_expertise_requests_is_between_one_and_twenty(int cap)
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            x.Put.Json(new { preferences = new Dictionary<string, string>(), expertiseRequestsPerWeek = cap }).ToUrl("/api/me/notification-preferences");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        var problem = await refused.ProblemAsync();
        problem.Errors!.Keys.ShouldBe(["expertiseRequestsPerWeek"]);
        problem.Errors["expertiseRequestsPerWeek"].Single().ShouldContain("1 tot 20 keer");
    }

    [Fact]
    public async Task A_member_who_switched_a_kind_off_gets_not_even_a_line_in_the_list()
    {
        var anna = await app.Host.RegisterMemberAsync();
        await ChooseAsync(anna, NotificationKinds.JoinedMyCoalition, Deliveries.Off);
        var now = DateTimeOffset.UtcNow;
        Notification Of(string kind) => new(Guid.NewGuid(), anna.Id, kind, "tekst", "/", now, null);
        var (off, on) = (Of(NotificationKinds.JoinedMyCoalition), Of(NotificationKinds.ThresholdReached));

        await using (var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var announced = (await session.StoreAndAnnounceAsync([off, on], CancellationToken.None)).ToList();
            announced.OfType<NotificationAdded>().Select(a => a.NotificationId).ShouldBe([on.Id]);
            announced.OfType<NotificationStored>().Select(a => a.NotificationId).ShouldBe([on.Id]);
            await session.SaveChangesAsync();
        }

        (await app.Host.NotificationsAsync(anna)).Notifications.Select(n => n.Id).ShouldBe([on.Id]);
    }

    [Fact]
    public void A_digest_lists_oldest_first_and_is_not_sent_when_empty()
    {
        var member = new HetInitiatief.Members.MemberProfile(Guid.NewGuid(), "Anna", "anna@school.example", "De Regenboog", "po", DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;
        NotificationMail.Digest(member, [], "https://het-initiatief.nl").ShouldBeNull();
        var mail = NotificationMail.Digest(member, [
            new(Guid.NewGuid(), member.Id, NotificationKinds.Closed, "later", "/b", now, null),
            new(Guid.NewGuid(), member.Id, NotificationKinds.Closed, "eerder", "/a", now.AddHours(-1), null)], "https://het-initiatief.nl/")!;
        mail.Body.IndexOf("eerder", StringComparison.Ordinal).ShouldBeLessThan(mail.Body.IndexOf("later", StringComparison.Ordinal));
        mail.Body.ShouldContain("https://het-initiatief.nl/a");
    }

    [Fact]
    public void The_digest_is_due_at_seven_in_the_morning_Dutch_time()
    {
        var winter = new DateOnly(2027, 1, 15);
        DailyDigest.DueAt(winter).ShouldBe(new DateTimeOffset(2027, 1, 15, 6, 0, 0, TimeSpan.Zero));
        DailyDigest.DueAt(new DateOnly(2027, 7, 15)).ShouldBe(new DateTimeOffset(2027, 7, 15, 5, 0, 0, TimeSpan.Zero));
        DailyDigest.NextDay(new DateTimeOffset(2027, 1, 15, 5, 0, 0, TimeSpan.Zero)).ShouldBe(winter);
        DailyDigest.NextDay(new DateTimeOffset(2027, 1, 15, 6, 0, 0, TimeSpan.Zero)).ShouldBe(winter.AddDays(1));
    }

    private async Task ChooseAsync(TestMember member, string kind, string delivery) =>
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { preferences = new Dictionary<string, string> { [kind] = delivery } }).ToUrl("/api/me/notification-preferences");
            x.As(member);
            x.StatusCodeShouldBeOk();
        });

    private async Task<int> WaitingForDigestAsync(TestMember member)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<DigestItem>().CountAsync(i => i.MemberId == member.Id && i.SentAt == null);
    }

    private async Task RunDigestAsync(TestMember admin) =>
        await app.Host.Scenario(x => { x.Post.Url("/api/admin/digest/run"); x.As(admin); x.StatusCodeShouldBeOk(); });
}

using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using HetInitiatief.Mail;
using HetInitiatief.Members;
using HetInitiatief.Network;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Members;

public sealed class EmailConfirmationTests(AppFixture app)
{
    private static string Address() => $"{Guid.NewGuid():N}@school.example";

    private async Task<MemberProfile> MeAsync(TestMember member) =>
        (await (await app.Host.Scenario(x => { x.Get.Url("/api/me"); x.As(member); })).ReadAsJsonAsync<MemberProfile>())!;

    private Task<IScenarioResult> ConfirmAsync(string? token, int status) =>
        app.Host.Scenario(x => { x.Post.Json(new { token }).ToUrl("/api/members/confirm"); x.StatusCodeShouldBe(status); });

    [Fact]
    public async Task Registering_mails_a_link_on_the_sites_own_address_and_opening_it_records_the_confirmation_on_the_member()
    {
        // Given a registration sent with a Host header of someone else's choosing
        var email = Address();
        var since = ConfirmationMail.Before();
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { name = "Rosa Bevestigt", email, password = Api.Password, school = "De Regenboog", sector = "po" }).ToUrl("/api/members");
            x.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("aanvaller.example"));
            x.StatusCodeShouldBe(201);
        });
        var mail = (await app.MailToAsync(email, EmailConfirmation.Subject))!;
        var siteUrl = app.Host.Services.GetRequiredService<Mailer>().SiteUrl;
        mail.ShouldContain($"{siteUrl}/e-mailadres-bevestigen?token=");
        mail.ShouldNotContain("aanvaller.example");
        var member = await SignInAsync(email);
        (await MeAsync(member)).EmailConfirmedAt.ShouldBeNull();

        // When she opens the link
        var confirmed = await (await ConfirmAsync(await ConfirmationMail.TokenAsync(email, since), 200)).ReadAsJsonAsync<EmailConfirmed>();

        // Then her profile and her stream say so, once
        confirmed!.MemberId.ShouldBe(member.Id);
        (await MeAsync(member)).EmailConfirmedAt.ShouldBe(confirmed.ConfirmedAt);
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var recorded = (await session.Events.FetchStreamAsync(member.Id)).Select(e => e.Data).OfType<MemberEmailConfirmed>().ShouldHaveSingleItem();
        (recorded.MemberId, recorded.ConfirmedAt).ShouldBe((member.Id, confirmed.ConfirmedAt));
    }

    [Fact]
    public async Task A_link_works_once_and_a_broken_unknown_or_expired_link_is_refused_in_Dutch()
    {
        var email = Address();
        var since = ConfirmationMail.Before();
        await app.Host.RegisterMemberAsync(email: email, confirmed: false);
        var token = await ConfirmationMail.TokenAsync(email, since);

        (await (await ConfirmAsync("", 400)).ProblemAsync()).Errors!["token"].ShouldHaveSingleItem().ShouldContain("niet compleet");
        (await (await ConfirmAsync("abc", 400)).ProblemAsync()).Errors!.Keys.ShouldBe(["token"]);
        (await (await ConfirmAsync(new string('a', 64), 404)).ProblemAsync()).Detail.ShouldContain("kennen we niet");

        // Eight days on, the link has expired; refusing it uses nothing up.
        var services = app.Host.Services;
        var expired = await EmailConfirmation.ConfirmAsync(token, services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<PlatformAdmins>(),
            services.GetRequiredService<NetworkSettings>(), DateTimeOffset.UtcNow.AddDays(8), CancellationToken.None);
        (expired.Problem!.Status, expired.Problem.Errors.Keys.Single()).ShouldBe((410, "token"));
        expired.Problem.Detail.ShouldContain("verlopen");

        await ConfirmAsync(token, 200);
        (await (await ConfirmAsync(token, 410)).ProblemAsync()).Detail.ShouldContain("al gebruikt");
    }

    [Fact]
    public async Task A_member_gets_the_mail_again_on_request_and_either_link_confirms_once()
    {
        var email = Address();
        var since = ConfirmationMail.Before();
        var member = await app.Host.RegisterMemberAsync(email: email, confirmed: false);
        var first = await ConfirmationMail.TokenAsync(email, since);

        await app.Host.Scenario(x => { x.Post.Url("/api/me/confirmation"); x.As(member); x.StatusCodeShouldBe(202); });
        await app.Host.Scenario(x => { x.Post.Url("/api/me/confirmation"); x.StatusCodeShouldBe(401); });

        var mails = (await app.AllMailsToAsync(email)).Where(m => m.Contains(EmailConfirmation.Subject)).ToList();
        mails.Count.ShouldBe(2);
        var second = await ConfirmationMail.TokenAsync(email, since);
        second.ShouldNotBe(first);
        await ConfirmAsync(first, 200);
        await ConfirmAsync(second, 410);
        (await (await app.Host.Scenario(x => { x.Post.Url("/api/me/confirmation"); x.As(member); x.StatusCodeShouldBe(409); })).ProblemAsync())
            .Detail.ShouldContain("al bevestigd");
    }

    [Fact]
    public async Task Resending_stops_after_five_mails_an_hour()
    {
        var member = await app.Host.RegisterMemberAsync(confirmed: false);
        for (var i = 1; i < EmailConfirmation.MaxMailsPerHour; i++)
            await app.Host.Scenario(x => { x.Post.Url("/api/me/confirmation"); x.As(member); x.StatusCodeShouldBe(202); });

        var refused = await app.Host.Scenario(x => { x.Post.Url("/api/me/confirmation"); x.As(member); x.StatusCodeShouldBe(429); });

        (await refused.ProblemAsync()).Detail.ShouldContain("al 5 bevestigingsmails");
        (await app.AllMailsToAsync(member.Email)).Count(m => m.Contains(EmailConfirmation.Subject)).ShouldBe(EmailConfirmation.MaxMailsPerHour);
    }

    [Fact]
    public async Task Platform_admin_addresses_become_admin_only_once_confirmed()
    {
        // Given an instance whose configured admin address registers, without confirming yet
        var adminEmail = Address();
        await using var server = await WebServer.StartAsync(app.ConnectionString, new Dictionary<string, string?>
        {
            ["Platform:NetworkId"] = Guid.NewGuid().ToString(), ["Platform:AdminEmails"] = adminEmail,
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var since = ConfirmationMail.Before();
        (await http.PostAsJsonAsync("/api/members", new { name = "Nieuwe Beheerder", email = adminEmail, password = Api.Password, school = "De Start", sector = "po" }))
            .EnsureSuccessStatusCode();
        var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { email = adminEmail, password = Api.Password })).Content
            .ReadFromJsonAsync<Api.TokenResponse>())!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        (await http.GetFromJsonAsync<MemberProfile>("/api/me"))!.Has(MemberRoles.Admin).ShouldBeFalse();
        ((int)(await http.GetAsync("/api/admin/outbox")).StatusCode).ShouldBe(403);

        // When the address is confirmed
        await Api.ConfirmEmailAsync(http, adminEmail, since);

        // Then it is an admin, granted by the configuration
        (await http.GetFromJsonAsync<MemberProfile>("/api/me"))!.Has(MemberRoles.Admin).ShouldBeTrue();
        ((int)(await http.GetAsync("/api/admin/outbox")).StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task An_unconfirmed_member_reads_but_every_kind_of_write_for_others_is_refused_until_confirmed()
    {
        // Given a colleague's question with a coalition and a follow-up, and a member who has not confirmed
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId);
        var email = Address();
        var since = ConfirmationMail.Before();
        var rookie = await app.Host.RegisterMemberAsync("Nog Niet Bevestigd", email: email, confirmed: false);

        // Reading, and what only concerns herself, is allowed
        await app.Host.Scenario(x => { x.Get.Url($"/api/questions/{question.QuestionId}"); x.As(rookie); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Put.Json(new { school = "De Regenboog", sector = "po" }).ToUrl("/api/me/profile"); x.As(rookie); x.StatusCodeShouldBeOk(); });

        // Every write for others is refused with the same recognisable problem
        var writes = new (string Url, object Body)[]
        {
            ("/api/questions", QuestionSteps.AQuestion()),
            ($"/api/questions/{question.QuestionId}/follow-ups", new { text = "Wat heb je al geprobeerd?" }),
            ($"/api/coalitions/{coalition.CoalitionId}/members", new { contribution = "Ik doe mee." }),
            ("/api/flags", new { contentType = "question", contentId = question.QuestionId, reason = "Dit is reclame." }),
            ("/api/invites", new { email = Address(), note = "Kom erbij!" }),
            ("/api/sessions", SessionSteps.ASession()),
            ($"/api/questions/{question.QuestionId}/endorsements", new { }),
        };
        foreach (var (url, body) in writes)
        {
            var refused = await app.Host.Scenario(x => { x.Post.Json(body).ToUrl(url); x.As(rookie); x.StatusCodeShouldBe(403); });
            var problem = JsonDocument.Parse(await refused.ReadAsTextAsync()).RootElement;
            problem.GetProperty("type").GetString().ShouldBe(UnconfirmedWrites.ProblemType, url);
            problem.GetProperty("detail").GetString()!.ShouldStartWith("Bevestig eerst je e-mailadres", customMessage: url);
        }
        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).FollowUps.ShouldBeEmpty();

        // Once confirmed, the same writes go through
        await app.Host.ConfirmEmailAsync(email, since);
        await app.Host.PostQuestionAsync(rookie);
        await app.Host.AskFollowUpAsync(rookie, question.QuestionId);
        await app.Host.JoinAsync(rookie, coalition.CoalitionId);
    }

    [Fact]
    public async Task A_form_posted_by_an_unconfirmed_member_gets_a_Dutch_page_that_offers_to_resend_the_mail()
    {
        var rookie = await app.Host.RegisterMemberAsync(confirmed: false);
        var confirmed = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x => { x.Post.FormData(new Dictionary<string, string> { ["Title"] = "Hoe?" }).ToUrl("/vragen/nieuw"); x.As(rookie); x.StatusCodeShouldBe(403); });

        var html = await refused.ReadAsTextAsync();
        html.ShouldContain("Bevestig eerst je e-mailadres");
        html.ShouldContain("action=\"/e-mailadres-bevestigen?handler=Resend\"");
        html.ShouldContain("Stuur de bevestigingsmail opnieuw");
        // A confirmed member's form without its token is refused by the antiforgery check instead: the wall is only for the unconfirmed.
        await app.Host.Scenario(x => { x.Post.FormData(new Dictionary<string, string> { ["Title"] = "Hoe?" }).ToUrl("/vragen/nieuw"); x.As(confirmed); x.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task An_unconfirmed_member_still_edits_her_profile_signs_out_and_deletes_her_account_but_offers_nothing()
    {
        var rookie = await app.Host.RegisterMemberAsync(confirmed: false);
        var form = new Dictionary<string, string> { ["School"] = "De Regenboog" };

        // A page handler allowed before confirming gets past the wall to the antiforgery check; one that is not stops at it.
        await app.Host.Scenario(x => { x.Post.FormData(form).ToUrl("/profiel").QueryString("handler", "Who"); x.As(rookie); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Post.FormData(form).ToUrl("/profiel"); x.As(rookie); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Put.Json(new { themes = new[] { "taal-en-lezen" }, offering = "Ik help graag." }).ToUrl("/api/me/offering"); x.As(rookie); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.FormData(form).ToUrl("/uitloggen"); x.As(rookie); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Post.Url("/api/auth/sign-out"); x.As(rookie); x.StatusCodeShouldBe(204); });
        await app.Host.Scenario(x => { x.Post.Json(new { confirm = true }).ToUrl("/api/me/delete"); x.As(rookie); x.StatusCodeShouldBe(204); });
    }

    [Fact]
    public async Task In_development_the_page_after_registering_links_to_the_mail_in_the_outbox_and_in_production_it_does_not()
    {
        var rookie = await app.Host.RegisterMemberAsync(confirmed: false);
        var page = await (await app.Host.Scenario(x => { x.Get.Url("/e-mailadres-bevestigen"); x.As(rookie); })).ReadAsTextAsync();
        page.ShouldContain("We hebben je een mail gestuurd");
        page.ShouldContain("href=\"/e-mailadres-bevestigen?handler=Mail\"");
        var mail = await (await app.Host.Scenario(x => { x.Get.Url("/e-mailadres-bevestigen?handler=Mail"); x.As(rookie); })).ReadAsTextAsync();
        mail.ShouldContain("Open de bevestigingslink uit de mail");
        mail.ShouldContain(await ConfirmationMail.TokenAsync(rookie.Email, DateTime.UtcNow.AddMinutes(-5)));

        await using var production = await WebServer.StartAsync(app.ConnectionString,
            new Dictionary<string, string?> { ["AllowedHosts"] = "127.0.0.1" }, environment: "Production");
        using var http = new HttpClient { BaseAddress = production.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", rookie.Token);
        var shown = await http.GetStringAsync("/e-mailadres-bevestigen");
        shown.ShouldContain("We hebben je een mail gestuurd");
        shown.ShouldNotContain("Ontwikkelomgeving");
        ((int)(await http.GetAsync("/e-mailadres-bevestigen?handler=Mail")).StatusCode).ShouldBe(404);
    }

    private async Task<TestMember> SignInAsync(string email)
    {
        var token = await app.Host.Scenario(x => x.Post.Json(new { email, password = Api.Password }).ToUrl("/api/auth/token"));
        var accessToken = (await token.ReadAsJsonAsync<Api.TokenResponse>())!.AccessToken;
        var me = await app.Host.Scenario(x => { x.Get.Url("/api/me"); x.WithRequestHeader("Authorization", $"Bearer {accessToken}"); });
        return new TestMember((await me.ReadAsJsonAsync<Api.MeResponse>())!.Id, "", email, Api.Password, accessToken);
    }
}

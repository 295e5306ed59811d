using System.Net.Http.Json;
using Alba;
using HetInitiatief.Live;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Members;

/// <summary>Issue 12, defect 8: a new password or "sign out everywhere" ends the member's other sessions, cookie and token alike.</summary>
public sealed class SessionEndTests(AppFixture app)
{
    [Fact]
    public async Task A_password_reset_ends_every_session_cookie_and_bearer_token_alike()
    {
        var member = await app.Host.RegisterMemberAsync();
        var cookie = await CookieAsync(member);
        // Both were checked once before the reset, so the server had the old stamp in hand.
        (await MeAsync(bearer: member.Token)).ShouldBe(200);
        (await MeAsync(cookie: cookie)).ShouldBe(200);

        await ResetAsync(member, "een-nieuw-wachtwoord-2");

        (await MeAsync(bearer: member.Token)).ShouldBe(401);
        (await MeAsync(cookie: cookie)).ShouldBe(401);
        var fresh = await TokenAsync(member.Email, "een-nieuw-wachtwoord-2");
        (await MeAsync(bearer: fresh)).ShouldBe(200);
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_and_the_cookie_that_made_it_goes_on()
    {
        var member = await app.Host.RegisterMemberAsync();
        var laptop = await CookieAsync(member);
        var phone = await CookieAsync(member);

        var change = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { currentPassword = member.Password, newPassword = "een-nieuw-wachtwoord-2" }).ToUrl("/api/me/password");
            x.WithRequestHeader("Cookie", laptop);
            x.StatusCodeShouldBe(204);
        });

        var reissued = string.Join("; ", change.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        (await MeAsync(cookie: reissued)).ShouldBe(200);
        (await MeAsync(cookie: laptop)).ShouldBe(401);
        (await MeAsync(cookie: phone)).ShouldBe(401);
        (await MeAsync(bearer: member.Token)).ShouldBe(401);
    }

    [Fact]
    public async Task A_password_change_with_a_bearer_token_answers_a_new_token_and_ends_the_old_one()
    {
        var member = await app.Host.RegisterMemberAsync();

        var change = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { currentPassword = member.Password, newPassword = "een-nieuw-wachtwoord-2" }).ToUrl("/api/me/password");
            x.As(member);
            x.StatusCodeShouldBeOk();
        });

        var token = (await change.ReadAsJsonAsync<Api.TokenResponse>())!.AccessToken;
        (await MeAsync(bearer: token)).ShouldBe(200);
        (await MeAsync(bearer: member.Token)).ShouldBe(401);
        await TokenAsync(member.Email, "een-nieuw-wachtwoord-2");
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_names_the_field()
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { currentPassword = "niet-mijn-wachtwoord-9", newPassword = "een-nieuw-wachtwoord-2" }).ToUrl("/api/me/password");
            x.As(member);
            x.StatusCodeShouldBe(400);
        });

        var problem = await refused.ProblemAsync();
        problem.Errors!.Keys.ShouldBe(["currentPassword"]);
        problem.Detail.ShouldNotBeNullOrEmpty();
        (await MeAsync(bearer: member.Token)).ShouldBe(200);
        await TokenAsync(member.Email, member.Password);
    }

    [Fact]
    public async Task Signing_out_everywhere_by_the_API_ends_every_cookie_and_token_of_the_member_only()
    {
        var member = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var cookie = await CookieAsync(member);
        var secondToken = await TokenAsync(member.Email, member.Password);

        await app.Host.Scenario(x => { x.Post.Url("/api/me/sign-out-everywhere"); x.As(member); x.StatusCodeShouldBe(204); });

        (await MeAsync(bearer: member.Token)).ShouldBe(401);
        (await MeAsync(bearer: secondToken)).ShouldBe(401);
        (await MeAsync(cookie: cookie)).ShouldBe(401);
        (await MeAsync(bearer: colleague.Token)).ShouldBe(200);
        (await MeAsync(bearer: await TokenAsync(member.Email, member.Password))).ShouldBe(200);
    }

    [Fact]
    public async Task Signing_out_everywhere_from_the_profile_page_ends_the_other_sessions_and_this_one()
    {
        var member = await app.Host.RegisterMemberAsync();
        var browser = await PageVisitor.SignInAsync(app, member);
        var otherBrowser = await CookieAsync(member);

        var response = await browser.PostAsync("/profiel", "SignOutEverywhere");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/inloggen");
        (await MeAsync(cookie: otherBrowser)).ShouldBe(401);
        (await MeAsync(bearer: member.Token)).ShouldBe(401);
        (await browser.GetStringAsync("/inloggen")).ShouldContain("Je bent overal uitgelogd");
    }

    [Fact]
    public async Task A_password_change_on_the_profile_page_keeps_that_browser_signed_in_and_ends_the_others()
    {
        var member = await app.Host.RegisterMemberAsync();
        var browser = await PageVisitor.SignInAsync(app, member);
        var otherBrowser = await CookieAsync(member);

        var response = await browser.PostAsync("/profiel", "Password",
            ("CurrentPassword", member.Password), ("NewPassword", "een-nieuw-wachtwoord-2"));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await browser.GetStringAsync("/profiel")).ShouldContain("Je nieuwe wachtwoord is bewaard");
        (await MeAsync(cookie: otherBrowser)).ShouldBe(401);
        (await MeAsync(bearer: member.Token)).ShouldBe(401);
    }

    [Fact]
    public async Task A_live_connection_of_an_ended_session_is_closed_and_cannot_connect_again()
    {
        var member = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        await using var ended = Connect(member.Token);
        await using var other = Connect(colleague.Token);
        var closed = new TaskCompletionSource();
        ended.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await ended.StartAsync();
        await other.StartAsync();

        await app.Host.Scenario(x => { x.Post.Url("/api/me/sign-out-everywhere"); x.As(member); x.StatusCodeShouldBe(204); });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var again = Connect(member.Token);
        var refused = await Should.ThrowAsync<HttpRequestException>(() => again.StartAsync());
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        other.State.ShouldBe(HubConnectionState.Connected);
    }

    private HubConnection Connect(string token) =>
        app.Host.LiveConnection(token);

    private async Task<int> MeAsync(string? bearer = null, string? cookie = null)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/me");
            if (bearer is not null) x.WithRequestHeader("Authorization", $"Bearer {bearer}");
            if (cookie is not null) x.WithRequestHeader("Cookie", cookie);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task<string> CookieAsync(TestMember member)
    {
        var client = app.Host.Server.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = member.Email, password = member.Password });
        signIn.EnsureSuccessStatusCode();
        return string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private async Task<string> TokenAsync(string email, string password)
    {
        var result = await app.Host.Scenario(x => { x.Post.Json(new { email, password }).ToUrl("/api/auth/token"); x.StatusCodeShouldBeOk(); });
        return (await result.ReadAsJsonAsync<Api.TokenResponse>())!.AccessToken;
    }

    private async Task ResetAsync(TestMember member, string password)
    {
        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });
        var mail = (await app.MailToAsync(member.Email, "wachtwoord")).ShouldNotBeNull();
        var token = System.Text.RegularExpressions.Regex.Match(mail, "token=([0-9a-f]{64})").Groups[1].Value;
        await app.Host.Scenario(x => { x.Post.Json(new { token, password }).ToUrl("/api/auth/password-reset/confirm"); x.StatusCodeShouldBe(204); });
    }
}

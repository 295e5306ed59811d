using System.Text.RegularExpressions;
using Alba;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Members;

public sealed class PasswordResetTests(AppFixture app)
{
    [Fact]
    public async Task A_member_resets_a_forgotten_password_with_the_link_from_the_mail_once()
    {
        var member = await app.Host.RegisterMemberAsync();

        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email.ToUpperInvariant() }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });

        var mail = app.OtherThanConfirmationTo(member.Email).Single(m => m.Contains("wachtwoord"));
        var token = Regex.Match(mail, "token=([0-9a-f]{64})").Groups[1].Value;
        token.ShouldNotBeEmpty();
        var weak = await app.Host.Scenario(x => { x.Post.Json(new { token, password = "kort" }).ToUrl("/api/auth/password-reset/confirm"); x.StatusCodeShouldBe(400); });
        (await weak.ProblemAsync()).Errors!.Keys.ShouldBe(["password"]);
        await app.Host.Scenario(x => { x.Post.Json(new { token, password = "een-nieuw-wachtwoord-2" }).ToUrl("/api/auth/password-reset/confirm"); x.StatusCodeShouldBe(204); });
        await app.Host.Scenario(x => { x.Post.Json(new { token, password = "nog-een-wachtwoord-3" }).ToUrl("/api/auth/password-reset/confirm"); x.StatusCodeShouldBe(400); });

        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email, password = "een-nieuw-wachtwoord-2" }).ToUrl("/api/auth/token"); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email, password = member.Password }).ToUrl("/api/auth/token"); x.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_reset_link_points_at_the_platform_whatever_host_the_request_names()
    {
        var member = await app.Host.RegisterMemberAsync();

        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset");
            x.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("aanvaller.example"));
            x.StatusCodeShouldBe(202);
        });

        var mail = (await app.MailToAsync(member.Email, "wachtwoord")).ShouldNotBeNull();
        mail.ShouldNotContain("aanvaller.example");
        mail.ShouldContain("http://localhost:5000/wachtwoord-herstellen?token=");
    }

    [Fact]
    public async Task An_invitation_link_points_at_the_platform_whatever_host_the_request_names()
    {
        var inviter = await app.Host.RegisterMemberAsync();
        var colleague = $"{Guid.NewGuid():N}@school.example";

        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email = colleague }).ToUrl("/api/invites");
            x.As(inviter);
            x.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("aanvaller.example"));
            x.StatusCodeShouldBe(201);
        });

        var mail = Directory.GetFiles(app.Outbox, "*.eml").Select(File.ReadAllText).Single(m => m.Contains($"To: {colleague}"));
        mail.ShouldNotContain("aanvaller.example");
        mail.ShouldContain("http://localhost:5000/registreren?uitnodiging=");
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var address = $"{Guid.NewGuid():N}@nergens.example";

        await app.Host.Scenario(x => { x.Post.Json(new { email = address }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });

        (Directory.Exists(app.Outbox) ? Directory.GetFiles(app.Outbox, "*.eml").Select(File.ReadAllText) : []).ShouldNotContain(m => m.Contains(address));
    }
}

using System.Text.RegularExpressions;
using Alba;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Members;

/// <summary>What someone who reads the database cannot learn: a password, or a link that opens an account.</summary>
public sealed class StoredSecretsTests(AppFixture app)
{
    [Fact]
    public async Task The_database_holds_no_password_and_no_usable_reset_or_confirmation_token()
    {
        // Given a member who registered (a confirmation link) and asked for a new password (a reset link)
        var since = ConfirmationMail.Before();
        var member = await app.Host.RegisterMemberAsync(confirmed: false);
        var confirmation = await ConfirmationMail.TokenAsync(member.Email, since);
        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });
        var resetMail = await app.MailToAsync(member.Email, "wachtwoord");
        var reset = Regex.Match(resetMail!, "token=([0-9a-f]{64})").Groups[1].Value;
        reset.ShouldNotBeEmpty();

        // When someone reads what is stored about them
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = string.Join("\n",
            (await session.Query<MemberLogin>().Where(l => l.MemberId == member.Id).ToJsonArray()),
            (await session.Query<PasswordResetToken>().Where(t => t.MemberId == member.Id).ToJsonArray()),
            (await session.Query<EmailConfirmationToken>().Where(t => t.MemberId == member.Id).ToJsonArray()));

        // Then they find records, but neither the password nor either token
        stored.ShouldContain(member.Id.ToString());
        stored.ShouldNotContain(member.Password);
        stored.ShouldNotContain(reset);
        stored.ShouldNotContain(confirmation);
    }
}

using System.Net.Http.Json;
using HetInitiatief.Mail;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Mail;

/// <summary>
/// A mail commits with the write that sends it, in the caller's transaction, or not at all: a write that never
/// commits (a crash before the commit, a refusal, a lost race) leaves no mail to send, and one that commits always has
/// its mail, delivered once.
/// </summary>
public sealed class MailTransactionTests(AppFixture app)
{
    private IDocumentStore Store => app.Host.Services.GetRequiredService<IDocumentStore>();

    private Mailer Mailer => app.Host.Services.GetRequiredService<Mailer>();

    [Fact]
    public async Task A_mail_queued_in_a_session_that_never_commits_is_never_sent_and_one_that_commits_is()
    {
        var (lost, kept) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var crashed = Store.LightweightSession())
            await Mailer.QueueAsync(crashed, new MailMessageToSend("lid@school.example", "Nooit", "Weg", lost), default);
        await using (var committed = Store.LightweightSession())
        {
            await Mailer.QueueAsync(committed, new MailMessageToSend("lid@school.example", "Wel", "Hier", kept), default);
            await committed.SaveChangesAsync();
        }

        (await Eventually.TrueAsync(async () =>
        {
            await using var query = Store.QuerySession();
            return (await query.LoadAsync<OutgoingMail>(kept))?.Status == OutgoingMail.Sent;
        })).ShouldBeTrue();
        await using var read = Store.QuerySession();
        (await read.LoadAsync<OutgoingMail>(lost)).ShouldBeNull();
    }

    [Fact]
    public async Task The_same_mail_queued_twice_by_a_retried_caller_is_queued_once()
    {
        var id = Guid.NewGuid();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var session = Store.LightweightSession();
            await Mailer.QueueAsync(session, new MailMessageToSend("lid@school.example", "Eén keer", "Tekst", id), default);
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        (await query.Query<OutgoingMail>().CountAsync(m => m.Id == id)).ShouldBe(1);
    }

    [Fact]
    public async Task An_address_registered_twice_at_once_gets_one_account_and_one_confirmation_mail()
    {
        var email = $"{Guid.NewGuid():N}@school.example";
        using var http = app.Host.Server.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => http.PostAsJsonAsync("/api/members",
            new { name = $"Dubbel {i}", email, password = Api.Password, school = "De Regenboog", sector = "po" })));

        answers.Select(a => (int)a.StatusCode).Order().ShouldBe([201, 409]);
        await using var query = Store.QuerySession();
        (await query.Query<OutgoingMail>().CountAsync(m => m.To == email)).ShouldBe(1);
        (await query.Query<MemberProfile>().CountAsync(m => m.Email == email)).ShouldBe(1);
    }
}

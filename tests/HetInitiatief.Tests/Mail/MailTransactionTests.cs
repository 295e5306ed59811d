using System.Net.Http.Json;
using HetInitiatief.Mail;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using JasperFx;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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
    public async Task A_write_that_fails_after_queueing_leaves_neither_the_mail_nor_its_delivery_message()
    {
        // A reset token that is already there: the second insert of it fails the whole commit, as a lost race does.
        var token = new PasswordResetToken(Guid.NewGuid().ToString("N"), Guid.NewGuid(), "lid@school.example",
            DateTimeOffset.UtcNow.AddHours(1));
        await using (var first = Store.LightweightSession())
        {
            first.Insert(token);
            await first.SaveChangesAsync();
        }
        var (lost, kept) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var failing = Store.LightweightSession())
        {
            await Mailer.QueueAsync(failing, new MailMessageToSend("lid@school.example", "Nooit", "Weg", lost), default);
            failing.Insert(token);
            await Should.ThrowAsync<DocumentAlreadyExistsException>(() => failing.SaveChangesAsync());
        }
        await using (var committing = Store.LightweightSession())
        {
            await Mailer.QueueAsync(committing, new MailMessageToSend("lid@school.example", "Wel", "Hier", kept), default);
            committing.Insert(token with { Id = Guid.NewGuid().ToString("N") });
            await committing.SaveChangesAsync();
        }
        // Its delivery message was stored by that commit (Wolverine keeps a handled one for a while).
        (await EnvelopesNamingAsync(kept)).ShouldBeGreaterThan(0);

        // The committed mail is delivered, which only its delivery message can do; by then the failed one had its chance.
        (await Eventually.TrueAsync(async () =>
        {
            await using var query = Store.QuerySession();
            return (await query.LoadAsync<OutgoingMail>(kept))?.Status == OutgoingMail.Sent;
        })).ShouldBeTrue();
        await using var read = Store.QuerySession();
        (await read.LoadAsync<OutgoingMail>(lost)).ShouldBeNull();
        (await EnvelopesNamingAsync(lost)).ShouldBe(0);
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

    /// <summary>Wolverine's stored envelopes, incoming or outgoing, whose message names the mail.</summary>
    private async Task<long> EnvelopesNamingAsync(Guid mailId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        long count = 0;
        foreach (var table in new[] { "wolverine_incoming_envelopes", "wolverine_outgoing_envelopes" })
        {
            await using var command = new NpgsqlCommand(
                $"select count(*) from {HetInitiatief.Infrastructure.Database.Schema}.{table} " +
                "where position(convert_to(@id, 'UTF8') in body) > 0", connection);
            command.Parameters.AddWithValue("id", mailId.ToString());
            count += (long)(await command.ExecuteScalarAsync())!;
        }
        return count;
    }
}

using System.Reflection;
using Alba;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HetInitiatief.Tests.Mail;

/// <summary>
/// A second platform whose mail goes to a real SMTP server over STARTTLS with a login, and retries every second.
/// It has a database of its own on the run's PostgreSQL: its mail queue, failures and dead letters, and so its
/// health, are its own, and the run's main app can never pick up (and deliver to a file) one of its messages.
/// </summary>
public sealed class SmtpHost(AppFixture app) : IAsyncLifetime
{
    /// <summary>Enough one-second waits that a server brought back up after the first failure is reached by a retry.</summary>
    public const int Retries = 20;

    private readonly string _outbox = Path.Combine(Path.GetTempPath(), $"het-initiatief-smtp-outbox-{Guid.NewGuid():N}");
    private Lazy<Task<TestMember>> _admin = null!;

    public SmtpServer Smtp { get; private set; } = null!;

    public IAlbaHost Host { get; private set; } = null!;

    public Task<TestMember> AdminAsync() => _admin.Value;

    /// <summary>The folder mail would be written to without an SMTP server: with one, it stays empty.</summary>
    public string Outbox => _outbox;

    public async ValueTask InitializeAsync()
    {
        Smtp = await SmtpServer.StartAsync();
        var database = $"mail_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var webProject = typeof(SmtpHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebProjectDirectory").Value!;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = webProject,
            EnvironmentName = Environments.Development,
        });
        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings:{HetInitiatief.Infrastructure.Database.ConnectionStringName}"] =
                new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString,
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = Smtp.Port.ToString(),
            ["Mail:SmtpSecurity"] = "StartTls",
            ["Mail:SmtpUser"] = SmtpServer.User,
            ["Mail:SmtpPassword"] = Smtp.Password,
            ["Mail:SmtpCertificate"] = Smtp.Certificate,
            ["Mail:From"] = "Het Initiatief <noreply@het-initiatief.test>",
            ["Mail:RetryDelays"] = string.Join(",", Enumerable.Repeat("00:00:01", Retries)),
            ["Mail:OutboxDirectory"] = _outbox,
        };
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        await builder.AddPlatformAsync();
        Host = await AlbaHost.For(builder, web => web.UsePlatform());
        _admin = new Lazy<Task<TestMember>>(() => RegisterMemberAsync("Beheerder", AppFixture.AdminEmail));
    }

    /// <summary>A member of this platform who confirmed their address with the link the SMTP server received for them.</summary>
    public async Task<TestMember> RegisterMemberAsync(string? name = null, string? email = null)
    {
        var member = await Host.RegisterMemberAsync(name, email: email, confirmed: false);
        ReceivedMail? confirmation = null;
        (await Eventually.TrueAsync(() => Task.FromResult((confirmation = Smtp.To(member.Email)
                .FirstOrDefault(m => m.Message.Subject == HetInitiatief.Members.EmailConfirmation.Subject)) is not null)))
            .ShouldBeTrue($"no confirmation mail to {member.Email} arrived");
        var token = System.Text.RegularExpressions.Regex.Match(confirmation!.Message.TextBody ?? "", "token=([0-9a-f]{64})").Groups[1].Value;
        await Host.Scenario(x =>
        {
            x.Post.Json(new { token }).ToUrl("/api/members/confirm");
            x.StatusCodeShouldBeOk();
        });
        return member;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

using Alba;
using Microsoft.AspNetCore.Hosting;
using HetInitiatief.Infrastructure;

[assembly: AssemblyFixture(typeof(HetInitiatief.Tests.Infrastructure.AppFixture))]

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL and one app for the whole test run. Tests never share data: each one
/// registers its own members and posts its own questions.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"het-initiatief-tests-{Guid.NewGuid():N}");
    private LocalPostgres? _postgres;

    public const string AdminEmail = "beheerder@het-initiatief.test";

    /// <summary>With no SMTP server configured, the app writes its e-mail here.</summary>
    public string Outbox => Path.Combine(_dataDirectory + "-outbox");

    private Lazy<Task<TestMember>> _admin = null!;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The platform's first admin (made admin by configuration when registering), shared by the tests that need one.</summary>
    public Task<TestMember> AdminAsync() => _admin.Value;

    public string ConnectionString => _postgres!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _postgres = await LocalPostgres.StartAsync(_dataDirectory, throwaway: true);
        // Read by WebApplication.CreateBuilder in Program, before anything else is configured.
        Environment.SetEnvironmentVariable($"ConnectionStrings__{Database.ConnectionStringName}", _postgres.ConnectionString);
        Environment.SetEnvironmentVariable("Platform__AdminEmails", AdminEmail);
        Environment.SetEnvironmentVariable("Mail__OutboxDirectory", Outbox);
        // The whole suite is one client address that registers, signs in and resets passwords for thousands of members
        // within minutes, far more than a school; the limits per address are raised for this shared app only (the
        // limiter stays on). The limits per member keep their defaults; RateLimitTests proves the limits in hosts of their own.
        Host = await AlbaHost.For<Program>(web => web
            .UseSetting("RateLimits:Registration:PermitLimit", "1000000")
            .UseSetting("RateLimits:SignIn:PermitLimit", "1000000")
            .UseSetting("RateLimits:PasswordReset:PermitLimit", "1000000")
            .ConfigureServices(CheapPasswords.Use));
        _admin = new Lazy<Task<TestMember>>(() => Host.RegisterMemberAsync("Beheerder", email: AdminEmail));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_postgres is not null) await _postgres.StopAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
            if (Directory.Exists(Outbox)) Directory.Delete(Outbox, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }
}

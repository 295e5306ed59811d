using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// The platform on a real Kestrel port, for a browser to talk to. It shares the run's database with
/// <see cref="AppFixture"/>; pushes reach the browsers connected to this server.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>The server's own services, for a test that writes events straight into its store.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="environment">Development by default, like a teacher trying the platform locally; Production to test what only it leaves out.</param>
    /// <param name="realPasswordCost">Hash passwords at the platform's real cost instead of the suite's cheap one.</param>
    /// <param name="clock">A clock the test moves (<see cref="TestClock"/>) instead of the system's.</param>
    /// <param name="configure">Anything else the test needs of the host, such as a logger provider that records what is logged.</param>
    public static async Task<WebServer> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null, string? environment = null, bool realPasswordCost = false,
        TimeProvider? clock = null)
    {
        var webProject = typeof(WebServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WebProjectDirectory").Value!;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = webProject,
            EnvironmentName = environment ?? Environments.Development,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[$"ConnectionStrings:{HetInitiatief.Infrastructure.Database.ConnectionStringName}"] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
        configure?.Invoke(builder);
        await builder.AddPlatformAsync();
        if (!realPasswordCost) CheapPasswords.Use(builder.Services);
        // After the platform, whose own registration of the system clock it replaces.
        if (clock is not null) builder.Services.AddSingleton(clock);
        var app = builder.Build();
        app.UsePlatform();
        await app.StartAsync();
        return new WebServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

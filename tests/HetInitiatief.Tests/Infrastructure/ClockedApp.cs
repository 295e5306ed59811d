using Alba;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// An app of its own on the run's database whose clock the tests move (<see cref="TestClock"/>), for what happens
/// once time has passed: a session that has begun. A class fixture, so one class's tests move only their own clock
/// (tests within a class run one after another); the shared <see cref="AppFixture"/> keeps real time for the rest.
/// </summary>
public sealed class ClockedApp(AppFixture app) : IAsyncLifetime
{
    public TestClock Clock { get; } = new();

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The shared app's admin, who is the admin here too: the database is the same.</summary>
    public Task<TestMember> AdminAsync() => app.AdminAsync();

    public async ValueTask InitializeAsync() =>
        // The same settings as the shared app (read from the environment it set); the clock is swapped in after the
        // platform registered the system one.
        Host = await AlbaHost.For<Program>(web => web
            .UseSetting("RateLimits:Registration:PermitLimit", "1000000")
            .UseSetting("RateLimits:SignIn:PermitLimit", "1000000")
            .ConfigureServices(CheapPasswords.Use)
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

using HetInitiatief.Infrastructure;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>A PostgreSQL of a test's own, for tests that restart or stop it; its data is deleted with it.</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private ThrowawayPostgres(LocalPostgres server, string dataDirectory)
    {
        Server = server;
        DataDirectory = dataDirectory;
    }

    public LocalPostgres Server { get; }

    public string DataDirectory { get; }

    public string ConnectionString => Server.ConnectionString;

    public static async Task<ThrowawayPostgres> StartAsync(string? dataDirectory = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), $"het-initiatief-pg-{Guid.NewGuid():N}");
        return new ThrowawayPostgres(await LocalPostgres.StartAsync(dataDirectory, throwaway: true), dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }
}

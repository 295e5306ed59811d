using System.Reflection;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// The platform on a database of its own on the run's PostgreSQL, for a test that needs what the shared app cannot give:
/// health that no other test's dead letters or mail touch, or services (a telemetry exporter) no other test should have.
/// </summary>
public static class OwnPlatform
{
    public static async Task<IAlbaHost> StartAsync(
        AppFixture app, IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var database = $"own_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var webProject = typeof(OwnPlatform).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WebProjectDirectory").Value!;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = webProject,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration[$"ConnectionStrings:{HetInitiatief.Infrastructure.Database.ConnectionStringName}"] =
            new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
        configure?.Invoke(builder);
        await builder.AddPlatformAsync();
        CheapPasswords.Use(builder.Services);
        return await AlbaHost.For(builder, web => web.UsePlatform());
    }
}

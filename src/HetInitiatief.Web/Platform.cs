using HetInitiatief.Coalitions;
using HetInitiatief.Errors;
using HetInitiatief.Initiative;
using HetInitiatief.Invites;
using HetInitiatief.Kennisbank;
using HetInitiatief.Live;
using HetInitiatief.Mail;
using HetInitiatief.Matching;
using HetInitiatief.Members;
using HetInitiatief.Membership;
using HetInitiatief.Moderation;
using HetInitiatief.Network;
using HetInitiatief.Notifications;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using HetInitiatief.Workspace;
using Microsoft.AspNetCore.SignalR;
using Wolverine;

namespace HetInitiatief;

/// <summary>What the platform is made of. Program.cs and the tests' real-server host both build it from here.</summary>
public static class Platform
{
    public static async Task AddPlatformAsync(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry();
        await builder.AddDatabaseAsync();
        builder.Host.UseWolverine(options =>
        {
            options.UseDatabaseDefaults();
            options.UseClusterDurability(builder.Configuration, builder.Environment);
        });
        builder.AddCluster();
        // The features, each with its own read models, settings, hosted services, pushes, news and queues.
        builder.AddMembers();
        builder.AddMail();
        builder.AddQuestions();
        builder.AddCoalitions();
        builder.AddInitiative();
        builder.AddOffers();
        builder.AddSessions();
        builder.AddNetwork();
        builder.AddInvites();
        builder.AddNotifications();
        builder.AddMatching();
        builder.AddMembership();
        builder.AddModeration();
        builder.AddWorkspace();
        builder.AddKennisbank();
        // Last: its news outbox reads what the features' projections wrote in the same commit.
        builder.AddLive();

        builder.AddProxiesAndHosts();
        builder.Services.AddRateLimits();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = DutchProblemDetails.Customize);
        builder.Services.AddSingleton<DatabaseOutage>();
        builder.Services.AddExceptionHandler<ExceptionAnswers>();
        builder.Services.AddWolverineHttp();
        builder.Services.AddApiDocs();
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/";
            // The board's own address; "/" is the welcome for visitors and leads members to their werkplek (BoardModel).
            options.Conventions.AddPageRoute("/Questions/Board", "vragen");
            // Publishing and revising a product are one form.
            options.Conventions.AddPageRoute("/Kennisbank/ProductFormPage", ProductFormPageModel.EditRoute);
        }).AddMvcOptions(DutchModelBinding.Apply);
        builder.Services.AddServing();
        builder.Services.AddSignalR(options =>
        {
            options.MaximumParallelInvocationsPerClient = 1;
            options.AddFilter<ConfirmedHubWrites>();
        });
        builder.Services.AddPlatformHealth();
    }

    public static void UsePlatform(this WebApplication app)
    {
        // First: the client's address and scheme, which the rest (HSTS, the origin check, rate limits) relies on.
        app.UseProxies();
        app.UseNodeHeader();
        app.UseSecurityHeaders();
        app.UseErrorPages();
        app.UseRequestBodyChecks();
        app.UseSameOriginWrites();
        // Routing after the error pages, so a re-executed error request finds the error page's endpoint.
        app.UseRouting();
        app.UseRouteIdChecks();
        app.UseServing();
        app.UseAuthentication();
        // After authentication, so a signed-in member is limited as themselves rather than as their school's address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseConfirmedWrites();

        app.MapWolverineEndpoints(options => options.RejectUnparseableQueryValues = true);
        app.MapRazorPages();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapNetwork();
        app.MapApiDocs();
        app.MapPlatformHealth();
    }
}

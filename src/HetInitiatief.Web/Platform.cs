using HetInitiatief.Coalitions;
using HetInitiatief.Infrastructure;
using HetInitiatief.Live;
using HetInitiatief.Membership;
using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Http;

namespace HetInitiatief;

/// <summary>What the platform is made of. Program.cs and the tests' real-server host both build it from here.</summary>
public static class Platform
{
    public static async Task AddPlatformAsync(this WebApplicationBuilder builder)
    {
        await builder.AddDatabaseAsync();
        builder.Host.UseWolverine(options =>
        {
            options.UseDatabaseDefaults();
            options.AddLivePush();
            options.AddMailDelivery();
        });
        builder.Services.AddSingleton<IConfigureMarten, MembersConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, QuestionsConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, CoalitionsConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, NotificationsConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, SessionsConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, OffersConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, HetInitiatief.Network.NetworkConfiguration>();
        builder.Services.AddHostedService<HetInitiatief.Network.NetworkOpening>();
        builder.Services.AddSingleton<IConfigureMarten, LiveConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, HetInitiatief.Invites.InvitesConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, NotificationMailConfiguration>();
        builder.Services.AddSingleton<IConfigureMarten, HetInitiatief.Matching.MatchingConfiguration>();
        builder.Services.AddHostedService<DailyDigestSchedule>();
        builder.Services.AddMembership(builder.Configuration);
        builder.Services.AddSingleton<IConfigureMarten, HetInitiatief.Moderation.HealthConfiguration>();
        builder.Services.AddSingleton(HetInitiatief.Moderation.HealthSettings.From(builder.Configuration));
        builder.Services.AddSingleton<IConfigureMarten, HetInitiatief.Moderation.ModerationConfiguration>();
        builder.Services.AddSingleton(HetInitiatief.Moderation.RadarSettings.From(builder.Configuration));
        builder.Services.AddHostedService<HetInitiatief.Moderation.RadarClock>();

        builder.AddMemberAuthentication();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Errors.DutchProblemDetails.Customize);
        builder.Services.AddWolverineHttp();
        builder.Services.AddOpenApi(options => options.AddOperationTransformer((operation, _, _) =>
        {
            // Wolverine lists a 200 for every endpoint that returns IResult; where the endpoint declares 201 or 204, that 200 never happens.
            if (operation.Responses is { } responses && (responses.ContainsKey("201") || responses.ContainsKey("204"))) responses.Remove("200");
            return Task.CompletedTask;
        }));
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/";
            // The board's own address; "/" is the welcome for visitors and leads members to their werkplek (BoardModel).
            options.Conventions.AddPageRoute("/Questions/Board", "vragen");
        }).AddMvcOptions(Errors.DutchModelBinding.Apply);
        builder.Services.AddServing();
        builder.Services.AddSingleton<ConfirmedMembers>();
        builder.Services.AddSignalR(options =>
        {
            options.MaximumParallelInvocationsPerClient = 1;
            options.AddFilter<ConfirmedHubWrites>();
        });
        builder.Services.AddPlatformHealth();
    }

    public static void UsePlatform(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseErrorPages();
        app.UseRequestBodyChecks();
        // Routing after the error pages, so a re-executed error request finds the error page's endpoint.
        app.UseRouting();
        app.UseServing();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseConfirmedWrites();

        app.MapWolverineEndpoints(options => options.RejectUnparseableQueryValues = true);
        app.MapRazorPages();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapHub<HetInitiatief.Network.NetworkHub>(HetInitiatief.Network.NetworkHub.Path);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("Het Initiatief API")).AllowAnonymous();
        app.MapPlatformHealth();
    }
}

using HetInitiatief.Coalitions;
using HetInitiatief.Infrastructure;
using HetInitiatief.Live;
using HetInitiatief.Mail;
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
        var mail = MailSettings.Read(builder.Configuration);
        builder.Host.UseWolverine(options =>
        {
            options.UseDatabaseDefaults();
            options.AddLivePush();
            options.AddMailDelivery();
            options.AddOutgoingMail(mail);
        });
        builder.Services.AddMail(mail);
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
        HetInitiatief.Moderation.HealthSettings.Add(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<IConfigureMarten, HetInitiatief.Moderation.ModerationConfiguration>();
        HetInitiatief.Moderation.RadarSettings.Add(builder.Services, builder.Configuration);
        builder.Services.AddCheckedSettings<HetInitiatief.Moderation.ModerationOptions>(
            builder.Configuration, HetInitiatief.Moderation.ModerationOptions.Section, HetInitiatief.Moderation.ModerationOptions.Problems);
        builder.Services.AddHostedService<HetInitiatief.Moderation.RadarClock>();

        builder.AddMemberAuthentication();
        builder.AddProxiesAndHosts();
        builder.Services.AddRateLimits();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Errors.DutchProblemDetails.Customize);
        builder.Services.AddSingleton<DatabaseOutage>();
        builder.Services.AddExceptionHandler<Errors.ExceptionAnswers>();
        builder.Services.AddWolverineHttp();
        builder.Services.AddApiDocs();
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
        // First: the client's address and scheme, which the rest (HSTS, the origin check, rate limits) relies on.
        app.UseProxies();
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
        app.MapHub<HetInitiatief.Network.NetworkHub>(HetInitiatief.Network.NetworkHub.Path);
        app.MapApiDocs();
        app.MapPlatformHealth();
    }
}

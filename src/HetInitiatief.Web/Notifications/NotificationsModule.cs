using HetInitiatief.Coalitions;
using HetInitiatief.Live;
using HetInitiatief.Offers;
using Wolverine;

namespace HetInitiatief.Notifications;

/// <summary>
/// Who hears what: the news made from the conversation on a question, coalitions, offers, sessions, invites and
/// followed themes, the notifications stored from it, their live push, their mail and the daily digest.
/// </summary>
public static class NotificationsModule
{
    /// <summary>
    /// One at a time: "invited once per coalition, ever" is checked against what the previous invitation stored.
    /// </summary>
    public const string InvitationQueue = "coalition-invitations";

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IConfigureMarten, NotificationsConfiguration>();
        services.AddSingleton<IConfigureMarten, NotificationMailConfiguration>();
        services.AddHostedService<DailyDigestSchedule>();
        services.AddNews(CoalitionNews.From);
        services.AddNews(SessionNews.From);
        services.AddNews((Commit commit) =>
        {
            var proposals = commit.Written<Proposal>(p => p.Id);
            return commit.Events.Select(e => OfferNews.From(e, proposals));
        });
        services.AddNews(InviteNews.From);
        services.AddNews(QuestionNews.From);
        services.AddNews(ThemeNews.From);
        services.AddNews((Commit commit) => commit.EventsWith<CoalitionDetails>(c => c.Id)
            .Select(written => CoalitionShortNews.From(written.Event, written.Document)), InvitationQueue);
        services.ConfigureWolverine(options =>
        {
            options.LocalQueue(InvitationQueue).Sequential().UseDurableInbox();
            options.PublishMessage<NotificationAdded>().ToLocalQueue(LiveModule.PushQueue);
            options.AddMailDelivery();
        });
        return builder;
    }
}

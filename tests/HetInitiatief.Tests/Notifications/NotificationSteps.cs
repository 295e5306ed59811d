using Alba;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given/then steps for notifications: what a member was told.</summary>
public static class NotificationSteps
{
    public static async Task<NotificationList> NotificationsAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/notifications"); x.As(member); });
        return (await result.ReadAsJsonAsync<NotificationList>())!;
    }

    public static async Task<bool> GetsNotifiedAsync(this IAlbaHost host, TestMember member, string kind) =>
        await Eventually.TrueAsync(async () => (await host.NotificationsAsync(member)).Notifications.Any(n => n.Kind == kind));

    /// <summary>The member chooses how they hear of each kind of news and how many expert requests a week.</summary>
    public static Task<IScenarioResult> ChooseNotificationsAsync(this IAlbaHost host, TestMember member,
        IReadOnlyDictionary<string, string?>? preferences = null, int? expertiseRequestsPerWeek = null) =>
        host.Scenario(x =>
        {
            x.Put.Json(new SetNotificationPreferences(preferences ?? new Dictionary<string, string?>(),
                expertiseRequestsPerWeek))
                .ToUrl("/api/me/notification-preferences");
            x.As(member);
            x.StatusCodeShouldBeOk();
        });

    /// <summary>The member marks these notifications read, or all of them when no ids are given.</summary>
    public static async Task<NotificationList> MarkReadAsync(this IAlbaHost host, TestMember member,
        IEnumerable<Guid>? ids = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new MarkRead(ids?.ToList())).ToUrl("/api/me/notifications/read");
            x.As(member);
        });
        return (await result.ReadAsJsonAsync<NotificationList>())!;
    }
}

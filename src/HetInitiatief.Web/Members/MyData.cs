using System.Text.Json;
using HetInitiatief.Coalitions;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Members;

/// <summary>Everything the platform holds about a member, in one download (AVG/GDPR: the right of access).</summary>
public sealed record MyDataExport(
    DateTimeOffset ExportedAt, MemberProfile Profile, IReadOnlyList<object> MyEvents, IReadOnlyList<QuestionDetails> QuestionsIAsked,
    IReadOnlyList<FollowUpAsked> FollowUpsIAsked, IReadOnlyList<CoalitionDetails> CoalitionsIAmIn, IReadOnlyList<SessionView> MySessions,
    IReadOnlyList<Notification> MyNotifications)
{
    public IReadOnlyList<Invites.Invite> MyInvites { get; init; } = [];
    public NotificationPreferences? MyNotificationPreferences { get; init; }
}

public static class MyDataEndpoint
{
    [EndpointSummary("Download all your data as JSON: profile, your own events, questions, follow-ups, coalitions, sessions and notifications.")]
    [WolverineGet("/api/me/data")]
    [FileFormat("application/json", typeof(MyDataExport))]
    public static async Task<Download> Get(
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var me = user.MemberId();
        var profile = await session.LoadAsync<MemberProfile>(me, ct);
        if (profile is null) return Problem.NotFound("Dit account bestaat niet meer.");

        var export = new MyDataExport(
            clock.GetUtcNow(),
            profile,
            (await session.Events.FetchStreamAsync(me, token: ct)).Select(e => e.Data).ToList(),
            await session.Query<QuestionDetails>().Where(q => q.OwnerId == me).ToListAsync(ct),
            await session.Events.QueryRawEventDataOnly<FollowUpAsked>().Where(f => f.AskedBy == me).ToListAsync(ct),
            await session.Query<CoalitionDetails>().Where(c => c.Members.Any(m => m.MemberId == me)).ToListAsync(ct),
            await MySessionsEndpoint.ReadAsync(me, session, ct),
            await session.Query<Notification>().Where(n => n.MemberId == me).ToListAsync(ct))
        {
            MyInvites = await session.Query<Invites.Invite>().Where(i => i.InviterId == me).ToListAsync(ct),
            MyNotificationPreferences = await session.LoadAsync<NotificationPreferences>(me, ct),
        };

        return Download.File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", $"het-initiatief-{DateTime.UtcNow:yyyy-MM-dd}.json");
    }

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

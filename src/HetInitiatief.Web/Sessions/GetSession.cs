using System.Globalization;
using System.Text;
using HetInitiatief.Catalogue;
using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Sessions;

/// <summary>
/// A session as one member sees it. The meeting link is only ever filled in for someone with a seat
/// (or the host): it is not in the agenda, not in pushes, and not in the calendar file of others.
/// </summary>
public sealed record SessionView(
    Guid Id, long Version, string Title, string Description, string Type, string Format, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Location, string? MeetingLink, int Capacity, int Minimum, int Participants, int Waiting, DateTimeOffset SignUpDeadline,
    ThemeView Theme, Guid? CoalitionId, DateTimeOffset? PriorityUntil, string Status, Person Host, SignUpStatus Me,
    bool IAttended, bool IGaveFeedback, int FeedbackCount, double? AverageRating, bool AttendanceRecorded, bool ProviderLed = false,
    Guid? ProposalId = null)
{
    public int SeatsLeft => Math.Max(0, Capacity - Participants);

    /// <summary>Open supply: no coalition asked for it (yet); shown as "zoekt een vraag".</summary>
    public bool SeeksQuestion => CoalitionId is null;
}

public static class GetSessionEndpoints
{
    [EndpointSummary("One session: seats taken, waitlist length, and your own place; the meeting link only if you have a seat.")]
    [WolverineGet("/api/sessions/{id}")]
    [Refuses(404)]
    public static async Task<Answer<SessionView>> Get(
        Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var view = await ReadAsync(id, user.MemberId(), session, ct);
        return view is null ? Problem.NotFound(Session.NotFound) : view;
    }

    [EndpointSummary("The agenda: upcoming sessions that go ahead or may, soonest first; filter by theme, format and sector.")]
    [WolverineGet("/api/sessions")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<SessionView>>> Agenda(
        string? theme, string? format, string? sector, ClaimsPrincipal user, IQuerySession session, TimeProvider clock,
        CancellationToken ct)
    {
        var invalid = new FieldRules()
            .Check(string.IsNullOrEmpty(sector) || Sectors.IsKnown(sector), "sector", Sectors.Unknown)
            .Check(string.IsNullOrEmpty(theme) || Themes.IsKnown(theme), "theme", "Onbekend thema.")
            .Check(string.IsNullOrEmpty(format) || SessionKinds.Formats.ContainsKey(format), "format", "Kies fysiek, online of hybride.")
            .Problem;
        return invalid ?? Answer.Of(await AgendaAsync(theme, format, sector, user.MemberId(), session, clock.GetUtcNow(), ct));
    }

    [EndpointSummary("The session as an iCalendar file; the meeting link is in it only for those with a seat.")]
    [FileFormat("text/calendar")]
    [WolverineGet("/api/sessions/{id}/calendar.ics")]
    [Refuses(404)]
    public static async Task<Download> Calendar(
        Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var view = await ReadAsync(id, user.MemberId(), session, ct);
        return view is null
            ? Problem.NotFound(Session.NotFound)
            : Download.Text(ICalendar(view), "text/calendar; charset=utf-8");
    }

    public static async Task<IReadOnlyList<SessionView>> AgendaAsync(string? theme, string? format, string? sector, Guid viewer, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var query = session.Query<Session>().Where(s => s.StartsAt > now && s.Status != SessionStatus.CalledOff);
        if (!string.IsNullOrEmpty(theme)) query = query.Where(s => s.Theme == theme);
        if (!string.IsNullOrEmpty(format)) query = query.Where(s => s.Format == format);
        if (!string.IsNullOrEmpty(sector)) query = query.Where(s => s.Sector == sector);
        var sessions = await query.OrderBy(s => s.StartsAt).Take(100).ToListAsync(ct);
        var names = await MemberProfile.NamesAsync(session, sessions.Select(s => s.HostId), ct);
        return sessions.Select(s => ToView(s, viewer, names)).ToList();
    }

    public static async Task<SessionView?> ReadAsync(Guid id, Guid viewer, IQuerySession session, CancellationToken ct)
    {
        var found = await session.LoadAsync<Session>(id, ct);
        if (found is null) return null;
        return ToView(found, viewer, await MemberProfile.NamesAsync(session, [found.HostId], ct));
    }

    public static SessionView ToView(Session s, Guid viewer, IReadOnlyDictionary<Guid, string> names)
    {
        var seated = s.Participants.Contains(viewer) || s.HostId == viewer;
        return new SessionView(
            s.Id, s.Version, s.Title, s.Description, s.Type, s.Format, s.StartsAt, s.EndsAt, s.Location, seated ? s.MeetingLink : null,
            s.Capacity, s.Minimum, s.Participants.Count, s.Waitlist.Count, s.SignUpDeadline, new ThemeView(s.Theme, Themes.Name(s.Theme)),
            s.CoalitionId, s.PriorityUntil, s.Status, Person.Of(s.HostId, names),
            SignUpEndpoints.StatusOf(s, viewer, s.Version, false),
            s.Attended?.Contains(viewer) == true, s.Feedbacks?.Any(f => f.MemberId == viewer) == true, s.Feedbacks?.Count ?? 0,
            s.Feedbacks is { Count: > 0 } feedbacks ? feedbacks.Average(f => f.Rating) : null, s.Attended is not null, s.ProviderLed,
            s.ProposalId);
    }

    public static string ICalendar(SessionView s) => ICalendar([s]);

    /// <summary>An iCalendar (RFC 5545) with one event per session.</summary>
    public static string ICalendar(IEnumerable<SessionView> sessions)
    {
        static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        static string Text(string v) => v.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Het Initiatief//Bijeenkomsten//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Het Initiatief" };
        foreach (var s in sessions)
        {
            var location = string.Join(" · ", new[] { s.Location, s.MeetingLink }.Where(v => !string.IsNullOrWhiteSpace(v)));
            lines.AddRange(
            [
                "BEGIN:VEVENT", $"UID:{s.Id}@het-initiatief", $"SEQUENCE:{s.Version}", $"DTSTAMP:{Stamp(s.StartsAt)}", $"DTSTART:{Stamp(s.StartsAt)}",
                $"DTEND:{Stamp(s.EndsAt)}", $"SUMMARY:{Text(s.Title)}", $"DESCRIPTION:{Text(s.Description)}", $"LOCATION:{Text(location)}",
                $"STATUS:{(s.Status == SessionStatus.CalledOff ? "CANCELLED" : s.Status == SessionStatus.Confirmed ? "CONFIRMED" : "TENTATIVE")}",
                "END:VEVENT",
            ]);
        }
        lines.Add("END:VCALENDAR");
        return string.Join("\r\n", lines) + "\r\n";
    }
}

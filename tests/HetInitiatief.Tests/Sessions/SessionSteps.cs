using Alba;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given/when steps for sessions: a plan, scheduled, read.</summary>
public static class SessionSteps
{
    /// <param name="startsAt">When it begins: in two weeks unless the test needs a moment of its own.</param>
    public static object ASession(int capacity = 20, int minimum = 1, DateTimeOffset? deadline = null,
        string? meetingLink = null,
        Guid? coalitionId = null, DateTimeOffset? priorityUntil = null, DateTimeOffset? startsAt = null)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(14);
        return new
        {
            title = "Werkplaats: feedback die leerlingen gebruiken",
            description = "Na afloop kun je een les ontwerpen met feedback die leerlingen direct toepassen.",
            type = "werkplaats",
            format = meetingLink is null ? "fysiek" : "hybride",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            location = "Basisschool De Regenboog, Utrecht",
            meetingLink,
            capacity,
            minimum,
            signUpDeadline = deadline ?? starts.AddDays(-2),
            theme = "formatief-evalueren",
            coalitionId,
            priorityUntil,
        };
    }

    public static async Task<SessionWritten> ScheduleSessionAsync(this IAlbaHost host, TestMember hostMember, object? plan = null)
    {
        var result = await host.Scenario(x => { x.Post.Json(plan ?? ASession()).ToUrl("/api/sessions"); x.As(hostMember); x.StatusCodeShouldBe(201); });
        return (await result.ReadAsJsonAsync<SessionWritten>())!;
    }

    public static async Task<SessionView> GetSessionAsync(this IAlbaHost host, TestMember viewer, Guid sessionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/sessions/{sessionId}"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<SessionView>())!;
    }

    /// <summary>
    /// The member signs up for the session (a seat, or the waiting list when it is full); <paramref name="status"/>
    /// null for a test that counts the answers of many at once.
    /// </summary>
    public static Task<IScenarioResult> SignUpAsync(this IAlbaHost host, TestMember member, Guid sessionId,
        int? status = 201) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/sessions/{sessionId}/sign-ups");
            x.As(member);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });

    /// <summary>The agenda with a query such as <c>?theme=formatief-evalueren</c>.</summary>
    public static async Task<List<SessionView>> AgendaAsync(this IAlbaHost host, TestMember viewer, string query = "")
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/sessions{query}"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<List<SessionView>>())!;
    }

    public static async Task<List<SessionView>> MySessionsAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/sessions"); x.As(member); });
        return (await result.ReadAsJsonAsync<List<SessionView>>())!;
    }

    /// <summary>The session as an iCalendar file, as the viewer downloads it.</summary>
    public static async Task<string> CalendarFileAsync(this IAlbaHost host, TestMember viewer, Guid sessionId) =>
        await (await host.Scenario(x => { x.Get.Url($"/api/sessions/{sessionId}/calendar.ics"); x.As(viewer); }))
            .ReadAsTextAsync();

    /// <summary>The member makes (or replaces) their secret calendar feed address.</summary>
    public static async Task<string> CreateCalendarFeedAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Url("/api/me/calendar-feed");
            x.As(member);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<CalendarFeedAddress>())!.Url;
    }

    /// <summary>The member gives up their seat or their place on the waiting list.</summary>
    public static Task<IScenarioResult> CancelSignUpAsync(
        this IAlbaHost host, TestMember member, Guid sessionId, int status = 200) =>
        host.Scenario(x =>
        {
            x.Delete.Url($"/api/sessions/{sessionId}/sign-ups/me");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The host moves the session to another moment.</summary>
    public static Task<IScenarioResult> MoveSessionAsync(
        this IAlbaHost host, TestMember member, Guid sessionId, MoveSession move, int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(move).ToUrl($"/api/sessions/{sessionId}/schedule");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The host calls the session off.</summary>
    public static Task<IScenarioResult> CallOffAsync(this IAlbaHost host, TestMember member, Guid sessionId,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/sessions/{sessionId}/cancel");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>Afterwards, the host records who was there.</summary>
    public static Task<IScenarioResult> RecordAttendanceAsync(
        this IAlbaHost host, TestMember member, Guid sessionId, Guid[] attended, int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(new RecordAttendance(attended)).ToUrl($"/api/sessions/{sessionId}/attendance");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>An attendee says how it was and what they will do differently in their lessons.</summary>
    public static Task<IScenarioResult> GiveFeedbackAsync(this IAlbaHost host, TestMember member, Guid sessionId,
        int rating,
        string change = "Ik laat leerlingen eerst zelf nakijken.", int status = 201) =>
        host.Scenario(x =>
        {
            x.Post.Json(new GiveFeedback(rating, change)).ToUrl($"/api/sessions/{sessionId}/feedback");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });
}

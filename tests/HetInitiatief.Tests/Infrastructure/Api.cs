using System.Net.Http.Json;
using Alba;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Infrastructure;

public sealed record TestMember(Guid Id, string Name, string Email, string Password, string Token);

/// <summary>Given-steps that read like the spec: a registered member, a posted question.</summary>
public static class Api
{
    public const string Password = "leren-doe-je-samen-1";

    /// <summary>
    /// A member who registered and, unless <paramref name="confirmed"/> is false, confirmed their address with the link
    /// from the confirmation mail, as a teacher does.
    /// </summary>
    public static async Task<TestMember> RegisterMemberAsync(
        this IAlbaHost host, string? name = null, string sector = "po", string? email = null, bool confirmed = true)
    {
        name ??= $"Lid {Guid.NewGuid().ToString()[..8]}";
        email ??= $"{Guid.NewGuid():N}@school.example";
        var since = ConfirmationMail.Before();
        await host.Scenario(x =>
        {
            x.Post.Json(new { name, email, password = Password, school = "De Regenboog", sector }).ToUrl("/api/members");
            x.StatusCodeShouldBe(201);
        });
        if (confirmed) await host.ConfirmEmailAsync(email, since);
        var token = await host.Scenario(x =>
        {
            x.Post.Json(new { email, password = Password }).ToUrl("/api/auth/token");
            x.StatusCodeShouldBeOk();
        });
        var tokenResponse = await token.ReadAsJsonAsync<TokenResponse>();
        var me = await host.Scenario(x =>
        {
            x.Get.Url("/api/me");
            x.WithRequestHeader("Authorization", $"Bearer {tokenResponse!.AccessToken}");
        });
        var profile = await me.ReadAsJsonAsync<MeResponse>();
        return new TestMember(profile!.Id, name, email, Password, tokenResponse!.AccessToken);
    }

    /// <summary>
    /// Many members for a test about what they do at once (join, sign up): registered a few at a time, as registering is
    /// not what such a test is about, and two hundred confirmation mails at once would only slow the run.
    /// </summary>
    public static async Task<TestMember[]> RegisterMembersAsync(this IAlbaHost host, int count)
    {
        var members = new TestMember[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => members[i] = await host.RegisterMemberAsync());
        return members;
    }

    /// <summary>A member's POST to a platform reached over HTTP (its own server or process), with their bearer token.</summary>
    public static Task<HttpResponseMessage> PostAsAsync(this HttpClient server, TestMember member, string url, object body) =>
        server.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", member.Token) },
        });

    /// <summary>The same, for a write that must succeed, read as its answer.</summary>
    public static async Task<T> PostAsAsync<T>(this HttpClient server, TestMember member, string url, object body)
    {
        using var response = await server.PostAsAsync(member, url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>A second sign-in of the same member (another device): a token of its own.</summary>
    public static async Task<string> TokenAsync(this IAlbaHost host, string email)
    {
        var token = await host.Scenario(x =>
        {
            x.Post.Json(new { email, password = Password }).ToUrl("/api/auth/token");
            x.StatusCodeShouldBeOk();
        });
        return (await token.ReadAsJsonAsync<TokenResponse>())!.AccessToken;
    }

    /// <summary>Opens the link in the newest confirmation mail to this address written since then, and confirms.</summary>
    public static async Task ConfirmEmailAsync(this IAlbaHost host, string email, DateTime since)
    {
        var token = await ConfirmationMail.TokenAsync(email, since);
        await host.Scenario(x =>
        {
            x.Post.Json(new { token }).ToUrl("/api/members/confirm");
            x.StatusCodeShouldBeOk();
        });
    }

    /// <summary>The same against another instance of the platform.</summary>
    public static async Task ConfirmEmailAsync(HttpClient server, string email, DateTime since, string? outbox = null)
    {
        var token = await ConfirmationMail.TokenAsync(email, since, outbox);
        (await server.PostAsJsonAsync("/api/members/confirm", new { token })).EnsureSuccessStatusCode();
    }

    /// <summary>A member who registered (and confirmed, unless told not to) at another instance of the platform (one with its own network settings).</summary>
    /// <param name="outbox">The outbox folder of a platform that has its own; the run's shared one by default.</param>
    public static async Task<TestMember> RegisterAtAsync(
        HttpClient server, string? name = null, string school = "De Start", bool confirmed = true, string? outbox = null)
    {
        name ??= $"Lid {Guid.NewGuid().ToString()[..8]}";
        var email = $"{Guid.NewGuid():N}@school.example";
        var since = ConfirmationMail.Before();
        (await server.PostAsJsonAsync("/api/members", new { name, email, password = Password, school, sector = "po" })).EnsureSuccessStatusCode();
        if (confirmed) await ConfirmEmailAsync(server, email, since, outbox);
        var token = await (await server.PostAsJsonAsync("/api/auth/token", new { email, password = Password })).Content.ReadFromJsonAsync<TokenResponse>();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new("Bearer", token!.AccessToken) } };
        var profile = await (await server.SendAsync(me)).Content.ReadFromJsonAsync<MeResponse>();
        return new TestMember(profile!.Id, name, email, Password, token.AccessToken);
    }

    public static object AQuestion(string title = "Hoe geef ik betere woordenschatlessen?", params string[] themes) => new
    {
        title,
        context = "Mijn leerlingen in groep 5 onthouden nieuwe woorden slecht, ook na herhaling.",
        whyMine = "Ik zie dat begrijpend lezen in mijn klas achterblijft.",
        alreadyKnown = "Ik werk met de viertakt van Verhallen.",
        themes = themes.Length == 0 ? ["taal-en-lezen"] : themes,
        sector = "po",
    };

    /// <summary>
    /// A question in words no other test uses, so the makelfunctie finds no similar question for it and tells no other
    /// test's members of it: for tests that count exactly what one member receives.
    /// </summary>
    public static object AUniqueQuestion(params string[] themes)
    {
        static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];
        return new
        {
            title = $"Hoe pak ik {Word()} aan?",
            context = $"{Word()} {Word()} {Word()} {Word()} {Word()}.",
            whyMine = $"{Word()} {Word()} {Word()}.",
            alreadyKnown = $"{Word()} {Word()}.",
            themes = themes.Length == 0 ? ["taal-en-lezen"] : themes,
            sector = "po",
        };
    }

    public static async Task<QuestionWritten> PostQuestionAsync(this IAlbaHost host, TestMember owner, object? question = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(question ?? AQuestion()).ToUrl("/api/questions");
            x.As(owner);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<QuestionWritten>())!;
    }

    public static async Task<FollowUpWritten> AskFollowUpAsync(this IAlbaHost host, TestMember asker, Guid questionId, string text = "Welke woorden kies je nu zelf uit?")
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { text }).ToUrl($"/api/questions/{questionId}/follow-ups");
            x.As(asker);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<FollowUpWritten>())!;
    }

    public static async Task<QuestionView> GetQuestionAsync(this IAlbaHost host, TestMember viewer, Guid questionId, string? at = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url(at is null ? $"/api/questions/{questionId}" : $"/api/questions/{questionId}?at={Uri.EscapeDataString(at)}");
            x.As(viewer);
        });
        return (await result.ReadAsJsonAsync<QuestionView>())!;
    }

    public static void As(this Scenario scenario, TestMember member) =>
        scenario.WithRequestHeader("Authorization", $"Bearer {member.Token}");

    public static async Task<ProblemResponse> ProblemAsync(this IScenarioResult result) =>
        (await result.ReadAsJsonAsync<ProblemResponse>())!;

    public sealed record TokenResponse(string AccessToken);

    public sealed record MeResponse(Guid Id, string Name, string Email);

    public sealed record ProblemResponse(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors);
}

public static class CoalitionApi
{
    public static async Task<HetInitiatief.Coalitions.CoalitionWritten> FormCoalitionAsync(this IAlbaHost host, TestMember owner, Guid questionId, int threshold = 3, DateTimeOffset? closesAt = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { threshold, closesAt, invitation = "Wat gaan we samen leren? Woorden die blijven hangen." }).ToUrl($"/api/questions/{questionId}/coalition");
            x.As(owner);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<HetInitiatief.Coalitions.CoalitionWritten>())!;
    }

    public static async Task<IScenarioResult> JoinAsync(this IAlbaHost host, TestMember member, Guid coalitionId, string? position = null, int status = 201) =>
        await host.Scenario(x =>
        {
            x.Post.Json(new { position, contribution = "Ik wil dit ook leren voor mijn klas." }).ToUrl($"/api/coalitions/{coalitionId}/members");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<HetInitiatief.Coalitions.CoalitionView> GetCoalitionAsync(this IAlbaHost host, TestMember viewer, Guid questionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/questions/{questionId}/coalition"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<HetInitiatief.Coalitions.CoalitionView>())!;
    }
}

public static class NotificationApi
{
    public static async Task<HetInitiatief.Notifications.NotificationList> NotificationsAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/notifications"); x.As(member); });
        return (await result.ReadAsJsonAsync<HetInitiatief.Notifications.NotificationList>())!;
    }

    public static async Task<bool> GetsNotifiedAsync(this IAlbaHost host, TestMember member, string kind) =>
        await Eventually.TrueAsync(async () => (await host.NotificationsAsync(member)).Notifications.Any(n => n.Kind == kind));
}

public static class SessionApi
{
    public static object ASession(int capacity = 20, int minimum = 1, DateTimeOffset? deadline = null, string? meetingLink = null, Guid? coalitionId = null, DateTimeOffset? priorityUntil = null)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(14);
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

    public static async Task<HetInitiatief.Sessions.SessionWritten> ScheduleSessionAsync(this IAlbaHost host, TestMember hostMember, object? plan = null)
    {
        var result = await host.Scenario(x => { x.Post.Json(plan ?? ASession()).ToUrl("/api/sessions"); x.As(hostMember); x.StatusCodeShouldBe(201); });
        return (await result.ReadAsJsonAsync<HetInitiatief.Sessions.SessionWritten>())!;
    }

    public static async Task<HetInitiatief.Sessions.SessionView> GetSessionAsync(this IAlbaHost host, TestMember viewer, Guid sessionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/sessions/{sessionId}"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<HetInitiatief.Sessions.SessionView>())!;
    }
}

public static class ProfileApi
{
    /// <summary>#durftevragen: the member offers these themes on their profile, so they can make offers.</summary>
    public static async Task OffersAsync(this IAlbaHost host, TestMember member, params string[] themes) =>
        await host.Scenario(x => { x.Put.Json(new { themes, offering = "Ik geef graag een werkplaats." }).ToUrl("/api/me/offering"); x.As(member); });

    /// <summary>The member moves to this school (and secondary education) on their profile.</summary>
    public static async Task WorksAtAsync(this IAlbaHost host, TestMember member, string school) =>
        await host.Scenario(x => { x.Put.Json(new { school, sector = "vo" }).ToUrl("/api/me/profile"); x.As(member); x.StatusCodeShouldBeOk(); });

    /// <summary>An admin gives the member a role.</summary>
    public static async Task GrantAsync(this IAlbaHost host, TestMember admin, TestMember member, string role) =>
        await host.Scenario(x => { x.Post.Json(new { role }).ToUrl($"/api/members/{member.Id}/roles"); x.As(admin); x.StatusCodeShouldBeOk(); });
}

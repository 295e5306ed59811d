using System.Net.Http.Json;
using Alba;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Infrastructure;

public sealed record TestMember(Guid Id, string Name, string Email, string Password, string Token);

/// <summary>
/// Given-steps every feature needs: a registered (and confirmed) member, signed in. Each feature keeps its own steps
/// beside its tests (<c>Questions/QuestionSteps.cs</c>, <c>Coalitions/CoalitionSteps.cs</c>, …).
/// </summary>
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

    public static void As(this Scenario scenario, TestMember member) =>
        scenario.WithRequestHeader("Authorization", $"Bearer {member.Token}");

    public static async Task<ProblemResponse> ProblemAsync(this IScenarioResult result) =>
        (await result.ReadAsJsonAsync<ProblemResponse>())!;

    public sealed record TokenResponse(string AccessToken);

    public sealed record MeResponse(Guid Id, string Name, string Email);

    public sealed record ProblemResponse(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors);
}

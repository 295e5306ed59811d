using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Alba;
using HetInitiatief.Members;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Members;

public sealed class FollowThemeTests(AppFixture app)
{
    [Fact]
    public async Task A_member_follows_a_theme_once_sees_it_with_its_name_and_can_stop()
    {
        var member = await app.Host.RegisterMemberAsync();

        var followed = await app.Host.FollowThemeAsync(member, "rekenen");
        (await followed.ReadAsJsonAsync<List<ThemeView>>())!.ShouldBe([new ThemeView("rekenen", "Rekenen en wiskunde")]);
        await app.Host.FollowThemeAsync(member, "rekenen");
        await app.Host.FollowThemeAsync(member, "didactiek");

        (await app.Host.MyThemesAsync(member)).Select(t => t.Code).ShouldBe(["didactiek", "rekenen"]);

        var left = await app.Host.UnfollowThemeAsync(member, "rekenen");
        (await left.ReadAsJsonAsync<List<ThemeView>>())!.Select(t => t.Code).ShouldBe(["didactiek"]);
        await app.Host.UnfollowThemeAsync(member, "rekenen");
    }

    [Fact]
    public async Task Following_twice_records_one_event()
    {
        var member = await app.Host.RegisterMemberAsync();

        await app.Host.FollowThemeAsync(member, "rekenen");
        await app.Host.FollowThemeAsync(member, "rekenen");

        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(member.Id);
        events.Count(e => e.Data is MemberFollowedTheme).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_theme_is_refused_naming_the_field_in_Dutch()
    {
        var member = await app.Host.RegisterMemberAsync();

        var result = await app.Host.FollowThemeAsync(member, "breien", status: 400);

        var problem = await result.ProblemAsync();
        problem.Errors!["theme"].ShouldBe(["Onbekend thema: breien. Kies een thema uit de lijst."]);
        await app.Host.UnfollowThemeAsync(member, "breien", status: 400);
    }

    [Fact]
    public async Task A_visitor_cannot_follow_or_list_themes()
    {
        await app.Host.Scenario(x => { x.Put.Url("/api/me/themes/rekenen"); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Delete.Url("/api/me/themes/rekenen"); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Get.Url("/api/me/themes"); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Put.Url("/api/me/sectors/po"); x.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_member_follows_sectors_and_an_unknown_one_is_refused()
    {
        var member = await app.Host.RegisterMemberAsync();

        var followed = await app.Host.FollowSectorAsync(member, "vo");
        (await followed.ReadAsJsonAsync<List<SectorView>>())!.ShouldBe([new SectorView("vo", "Voortgezet onderwijs (vo)")]);
        var refused = await app.Host.FollowSectorAsync(member, "kinderopvang", status: 400);
        (await refused.ProblemAsync()).Errors!.Keys.ShouldBe(["sector"]);
        await app.Host.UnfollowSectorAsync(member, "vo");

        (await app.Host.MySectorsAsync(member)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_follows_and_unfollows_from_the_themes_page_without_javascript()
    {
        var member = await app.Host.RegisterMemberAsync();
        var browser = await PageVisitor.SignInAsync(app, member);

        var follow = await browser.PostAsync("/themas", "Follow", ("theme", "burgerschap"));

        follow.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        follow.Headers.Location!.OriginalString.ShouldBe("/themas#thema-burgerschap");
        var page = await browser.GetStringAsync("/themas");
        page.ShouldContain("Je volgt nu &quot;Burgerschap en sociale vorming&quot;");
        page.ShouldContain("aria-label=\"Ontvolgen: Burgerschap en sociale vorming\">Ontvolgen</button>");

        await browser.PostAsync("/themas", "Unfollow", ("theme", "burgerschap"));
        (await MyThemesAsync(member)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_theme_on_the_themes_page_shows_the_error_summary()
    {
        var member = await app.Host.RegisterMemberAsync();
        var browser = await PageVisitor.SignInAsync(app, member);

        var refused = await browser.PostAsync("/themas", "Follow", ("theme", "breien"));

        ((int)refused.StatusCode).ShouldBe(400);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("Onbekend thema: breien.");
    }

    [Fact]
    public async Task A_member_chooses_themes_and_sectors_on_the_profile_page()
    {
        var member = await app.Host.RegisterMemberAsync();
        await app.Host.FollowThemeAsync(member, "rekenen");
        var browser = await PageVisitor.SignInAsync(app, member);
        (await browser.GetStringAsync("/profiel")).ShouldContain("value=\"rekenen\" checked=\"checked\"");

        var saved = await browser.PostAsync("/profiel", "Following",
            ("FollowedThemes", "didactiek"), ("FollowedThemes", "onderzoek"), ("FollowedSectors", "mbo"));

        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await MyThemesAsync(member)).ShouldBe(["didactiek", "onderzoek"]);
        (await app.Host.MySectorsAsync(member)).Select(s => s.Code).ShouldBe(["mbo"]);
    }

    private async Task<IReadOnlyList<string>> MyThemesAsync(TestMember member) =>
        (await app.Host.MyThemesAsync(member)).Select(t => t.Code).ToList();
}

/// <summary>A signed-in member using the pages the way a browser without JavaScript does: cookies and form posts.</summary>
public sealed class PageVisitor(HttpClient client, string cookies)
{
    public static Task<PageVisitor> SignInAsync(AppFixture app, TestMember member) => SignInAsync(app.Host, member);

    public static async Task<PageVisitor> SignInAsync(IAlbaHost host, TestMember member)
    {
        var client = host.Server.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = member.Email, password = member.Password });
        signIn.EnsureSuccessStatusCode();
        return new PageVisitor(client, string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
    }

    public async Task<string> GetStringAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        // The confirmation travels in a TempData cookie: keep what the server sets, as a browser would.
        Remember(response);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form of the page with its antiforgery token, as pressing its button would.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string handler, params (string Name, string Value)[] fields)
    {
        var form = await GetStringAsync(page);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler={handler}")
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        Remember(response);
        return response;
    }

    private void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var set)) return;
        var jar = cookies.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c[1]);
        foreach (var cookie in set.Select(c => c.Split(';')[0].Split('=', 2))) jar[cookie[0]] = cookie[1];
        cookies = string.Join("; ", jar.Where(c => c.Value.Length > 0).Select(c => $"{c.Key}={c.Value}"));
    }
}

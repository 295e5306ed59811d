using System.Net.Http.Json;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>A member made provider by an admin tells, per theme, what to expect; colleagues see it on the themes page.</summary>
public sealed class ProviderInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task A_provider_inventories_a_theme_and_colleagues_see_what_to_expect()
    {
        var (page, email) = await _browser.NewTeacherWithEmailAsync("Petra Aanbieder");
        using var http = new HttpClient { BaseAddress = _browser.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password })).Content.ReadFromJsonAsync<Api.TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var me = await http.GetFromJsonAsync<Api.MeResponse>("/api/me");
        var admin = await app.AdminAsync();
        http.DefaultRequestHeaders.Authorization = new("Bearer", admin.Token);
        (await http.PostAsJsonAsync($"/api/members/{me!.Id}/roles", new { role = "provider" })).EnsureSuccessStatusCode();

        await page.GotoAsync("/profiel");
        const string expect = "Praktijkgerichte werkplaatsen over onderzoekend leren, met materiaal voor de eigen klas.";
        await page.GetByLabel("Wereldoriëntatie en onderzoekend leren").Last.FillAsync(expect);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar mijn thema's" }).ClickAsync();

        await page.GotoAsync("/themas");
        await page.GetByText(expect).WaitForAsync();
        await BrowserSession.ShotAsync(page, "10-thema-aanbod");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}

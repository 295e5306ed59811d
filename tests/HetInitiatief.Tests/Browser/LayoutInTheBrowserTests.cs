using System.Globalization;
using System.Text.RegularExpressions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// The frame around every page, on a laptop (1280 px) and on a phone (390 and 320 px): a header of one
/// row with a menu that opens without JavaScript, no page that scrolls sideways, a focus ring that
/// stands out, a skip link, signing out, and a landing page that says what the network is and links
/// to the pages about it.
/// </summary>
public sealed class LayoutInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize SmallPhone = new() { Width = 320, Height = 640 };

    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task On_a_laptop_the_header_is_one_row_and_on_a_phone_the_menu_opens_without_javascript()
    {
        var teacher = await _browser.NewTeacherAsync($"Lotte Kop {Guid.NewGuid().ToString()[..4]}");
        await teacher.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await teacher.GotoAsync("/");
        var rows = await teacher.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('.nav-actions > li')].map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })");
        rows.Length.ShouldBe(4);
        rows.ShouldAllBe(middle => Math.Abs(middle - rows[0]) < 8);
        (await teacher.Locator(".site-header").BoundingBoxAsync())!.Height.ShouldBeLessThan(72);
        (await teacher.GetByRole(AriaRole.Link, new() { Name = "Stel een leervraag" }).First.IsVisibleAsync()).ShouldBeTrue();
        (await teacher.Locator(".notifications-link .badge[data-unread-count]").CountAsync()).ShouldBe(1);
        await BrowserSession.ShotAsync(teacher, "layout-1-laptop-lid");
        await teacher.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await BrowserSession.ShotAsync(teacher, "layout-2-laptop-menu-open");

        // The same member on a phone with JavaScript switched off: the menu is a <details>, so it still opens.
        var noScript = await teacher.Context.Browser!.NewContextAsync(new()
        {
            BaseURL = _browser.BaseAddress.ToString(), Locale = "nl-NL", ViewportSize = Phone, JavaScriptEnabled = false,
            StorageState = await teacher.Context.StorageStateAsync(),
        });
        var phone = await noScript.NewPageAsync();
        await phone.GotoAsync("/");
        var nav = phone.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        var agenda = nav.GetByRole(AriaRole.Link, new() { Name = "Agenda" });
        (await agenda.IsVisibleAsync()).ShouldBeFalse();
        await BrowserSession.ShotAsync(phone, "layout-3-telefoon-lid");
        await nav.Locator("summary").FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await agenda.WaitForAsync();
        foreach (var name in new[] { "Vragen", "Thema's", "Mijn coalities", "Mijn bijeenkomsten", "Uitnodigen", "Portfolio" })
            (await nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).IsVisibleAsync()).ShouldBeTrue(name);
        (await nav.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).IsVisibleAsync()).ShouldBeTrue();
        (await NoSidewaysScrollAsync(phone)).ShouldBeTrue();
        await BrowserSession.ShotAsync(phone, "layout-4-telefoon-menu-open-zonder-javascript");
        await agenda.ClickAsync();
        await phone.WaitForURLAsync("**/bijeenkomsten");
        await noScript.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_from_the_menu_works()
    {
        var teacher = await _browser.NewTeacherAsync($"Mees Uit {Guid.NewGuid().ToString()[..4]}");
        await teacher.GetByText("Menu", new() { Exact = true }).ClickAsync();
        var response = await teacher.RunAndWaitForResponseAsync(
            () => teacher.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync(),
            r => r.Url.EndsWith("/uitloggen", StringComparison.Ordinal) && r.Request.Method == "POST");
        response.Status.ShouldBe(302);
        await teacher.GetByRole(AriaRole.Heading, new() { Name = "Heb jij zin in een avontuur?" }).WaitForAsync();
        (await teacher.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First.IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task No_page_scrolls_sideways_on_a_phone()
    {
        // Bram is in Anna's coalition (so his question page has the "Anders betrokken?" form) and signed up for a session.
        var anna = await app.Host.RegisterMemberAsync("Anna Vraagsteller");
        var bram = await app.Host.RegisterMemberAsync($"Bram Deelnemer {Guid.NewGuid().ToString()[..4]}");
        var question = await app.Host.PostQuestionAsync(anna, QuestionSteps.AQuestion(
            "Hoe zorg ik dat mijn leerlingen de woordenschatdidactiekinterventiemethoden ook echt onthouden na een week?"));
        var coalition = await app.Host.FormCoalitionAsync(anna, question.QuestionId);
        await app.Host.JoinAsync(bram, coalition.CoalitionId);
        var session = await app.Host.ScheduleSessionAsync(anna);
        await app.Host.SignUpAsync(bram, session.SessionId);

        var bramPage = await SignInAsync(bram);
        await bramPage.GotoAsync("/mijn-bijeenkomsten");
        await bramPage.GetByRole(AriaRole.Button, new() { Name = "Maak een agenda-adres" }).ClickAsync();
        await bramPage.Locator("code").WaitForAsync();
        await bramPage.GotoAsync($"/vragen/{question.QuestionId}");
        (await bramPage.GetByLabel("Anders betrokken?").IsVisibleAsync()).ShouldBeTrue();
        await AssertNoSidewaysScrollAsync(bramPage, "/mijn-bijeenkomsten", $"/vragen/{question.QuestionId}", "/", "/profiel", "/vragen/nieuw", "/meldingen");

        var adminPage = await SignInAsync(await app.AdminAsync());
        await AssertNoSidewaysScrollAsync(adminPage, "/beheer/rollen", "/moderatie", "/moderatie/meldingen", "/beheer");

        var visitor = await _browser.NewPageAsync();
        await AssertNoSidewaysScrollAsync(visitor, "/", "/over", "/privacy", "/inloggen", "/registreren");
    }

    [Fact]
    public async Task A_visitor_reads_what_the_network_is_and_finds_the_privacy_statement_and_the_about_page()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AQuestion($"Hoe lees ik samen met nieuwkomers ({Guid.NewGuid().ToString()[..4]})?"));
        var visitor = await _browser.NewPageAsync();
        await visitor.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await visitor.GotoAsync("/");

        var welcome = visitor.Locator(".welcome");
        (await welcome.InnerTextAsync()).ShouldContain("vragen door");
        (await welcome.InnerTextAsync()).ShouldContain("want de deelnemers zijn er al");
        (await welcome.InnerTextAsync()).ShouldMatch("groeit het netwerk .*door naar 500 leden");
        (await visitor.Locator($"#collected-questions a[href='/vragen/{question.QuestionId}']").CountAsync()).ShouldBe(1);
        var footer = visitor.Locator(".site-footer");
        (await footer.GetByRole(AriaRole.Link, new() { Name = "API voor ontwikkelaars" }).CountAsync()).ShouldBe(1);
        await BrowserSession.ShotAsync(visitor, "layout-5-telefoon-bezoeker");
        await visitor.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await BrowserSession.ShotAsync(visitor, "layout-6-laptop-bezoeker");

        foreach (var (link, path, heading) in new[]
                 { ("Wat we met je gegevens doen", "/privacy", "Privacy: wat we met je gegevens doen"), ("Meer over Het Initiatief", "/over", "Over Het Initiatief") })
        {
            await visitor.GotoAsync("/");
            var response = await visitor.RunAndWaitForResponseAsync(
                () => welcome.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync(), r => r.Url.EndsWith(path, StringComparison.Ordinal));
            response.Status.ShouldBe(200);
            await visitor.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
            (await visitor.Locator("html").GetAttributeAsync("lang")).ShouldBe("nl");
            await BrowserSession.ShotAsync(visitor, "layout-7" + path.Replace('/', '-'));
            if (path == "/privacy") (await visitor.Locator("main").InnerTextAsync()).ShouldContain("oud-lid");
        }
        (await visitor.Locator(".site-footer").GetByRole(AriaRole.Link, new() { Name = "Privacy" }).GetAttributeAsync("href")).ShouldBe("/privacy");
    }

    [Fact]
    public async Task The_focus_ring_stands_out_and_the_skip_link_leads_to_the_content()
    {
        var visitor = await _browser.NewPageAsync();
        await visitor.GotoAsync("/over");

        await visitor.Keyboard.PressAsync("Tab");
        var skip = visitor.GetByRole(AriaRole.Link, new() { Name = "Direct naar de inhoud" });
        (await skip.EvaluateAsync<bool>("e => e === document.activeElement")).ShouldBeTrue();
        (await skip.IsVisibleAsync()).ShouldBeTrue();
        (await skip.BoundingBoxAsync())!.X.ShouldBeGreaterThanOrEqualTo(0);
        await AssertRingStandsOutAsync(visitor);
        await BrowserSession.ShotAsync(visitor, "layout-8-skiplink");

        // The green "Word lid" button in the header: the ring must stand out from the button and from the white around it.
        await visitor.Keyboard.PressAsync("Tab");
        await visitor.Keyboard.PressAsync("Tab");
        await visitor.Keyboard.PressAsync("Tab");
        (await visitor.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Word lid");
        await AssertRingStandsOutAsync(visitor);

        await visitor.Keyboard.PressAsync("Shift+Tab");
        await visitor.Keyboard.PressAsync("Shift+Tab");
        await visitor.Keyboard.PressAsync("Shift+Tab");
        await visitor.Keyboard.PressAsync("Enter");
        await visitor.WaitForURLAsync("**/over#main");
        (await visitor.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main");
    }

    [Fact]
    public async Task Every_kind_of_field_looks_like_a_text_field()
    {
        var visitor = await _browser.NewPageAsync();
        await visitor.GotoAsync("/over");
        var differences = await visitor.EvaluateAsync<string[]>("""
            () => {
              const looks = el => {
                document.querySelector('main').append(el);
                const s = getComputedStyle(el);
                return [s.borderTopWidth, s.borderTopColor, s.borderTopLeftRadius, s.paddingLeft, s.fontSize, s.fontFamily, s.width].join(' | ');
              };
              const field = type => Object.assign(document.createElement('input'), { type });
              const text = looks(field('text'));
              const others = ['number', 'date', 'time', 'url', 'datetime-local', 'week', 'tel', 'email', 'search', 'password']
                .map(t => [t, looks(field(t))]);
              others.push(['select', looks(document.createElement('select'))], ['textarea', looks(document.createElement('textarea'))]);
              return others.filter(([, l]) => l !== text).map(([t, l]) => `${t}: ${l} (text: ${text})`);
            }
            """);
        differences.ShouldBeEmpty();
    }

    private async Task<IPage> SignInAsync(TestMember member)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(member.Email);
        await page.GetByLabel("Wachtwoord").FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.Locator("details.menu").WaitForAsync();
        return page;
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, params string[] paths)
    {
        foreach (var size in new[] { Phone, SmallPhone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                response!.Status.ShouldBe(200, path);
                var name = Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "vraag").Trim('/').Replace('/', '-');
                if (!await NoSidewaysScrollAsync(page))
                {
                    await BrowserSession.ShotAsync(page, $"layout-scrollt-{size.Width}-{name}");
                    var culprits = await page.EvaluateAsync<string[]>(
                        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)" +
                        ".slice(0, 5).map(e => e.tagName + '.' + e.className)");
                    throw new ShouldAssertException($"{path} scrolls sideways at {size.Width} px: {string.Join(", ", culprits)}");
                }
                if (name is "mijn-bijeenkomsten" or "beheer-rollen" or "moderatie" or "vragen-vraag")
                    await BrowserSession.ShotAsync(page, $"layout-{size.Width}-{name}");
            }
            // The open menu hangs over the page and must not widen it either.
            if (await page.Locator("details.menu").CountAsync() > 0)
            {
                await page.Locator("details.menu > summary").ClickAsync();
                (await NoSidewaysScrollAsync(page)).ShouldBeTrue($"menu open at {size.Width} px");
                await page.Locator("details.menu > summary").ClickAsync();
            }
        }
    }

    private static Task<bool> NoSidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>WCAG 2.2 (focus appearance, non-text contrast): the ring has at least 3:1 against what is inside and outside it.</summary>
    private static async Task AssertRingStandsOutAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>("""
            () => {
              const e = document.activeElement, s = getComputedStyle(e);
              let outer = e.parentElement, bg = 'rgba(0, 0, 0, 0)';
              while (outer && (bg = getComputedStyle(outer).backgroundColor) === 'rgba(0, 0, 0, 0)') outer = outer.parentElement;
              return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.backgroundColor, bg, s.boxShadow];
            }
            """);
        style[0].ShouldBe("solid");
        double.Parse(style[1].Replace("px", ""), CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        var ring = Rgb(style[2]);
        foreach (var neighbour in new[] { style[3], style[4] }.Where(c => c != "rgba(0, 0, 0, 0)"))
            Contrast(ring, Rgb(neighbour)).ShouldBeGreaterThanOrEqualTo(3, $"ring {style[2]} next to {neighbour}");
    }

    private static (double R, double G, double B) Rgb(string css)
    {
        var parts = Regex.Matches(css, @"\d+(\.\d+)?").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        static double Channel(double c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        static double Luminance((double R, double G, double B) c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var (l1, l2) = (Luminance(a), Luminance(b));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Alba;
using HetInitiatief.Membership;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Membership;

public sealed class PortfolioTests(AppFixture app, NetworkOfOne network, ClockedApp clocked)
    : IClassFixture<NetworkOfOne>, IClassFixture<ClockedApp>
{
    private static object Plan(string title, string type, DateTimeOffset starts, double hours) => new
    {
        title, description = "Na afloop kun je het in je eigen les toepassen.", type, format = "fysiek",
        startsAt = starts, endsAt = starts.AddHours(hours), location = "Lokaal 12", capacity = 10, minimum = 1,
        signUpDeadline = starts.AddHours(-1), theme = "taal-en-lezen",
    };

    [Fact]
    public async Task The_portfolio_PDF_opens_and_lists_exactly_the_attended_sessions()
    {
        // Given a paying member signed up for three sessions that begin in two hours, on an app whose clock the test
        // moves
        var admin = await clocked.AdminAsync();
        var host = await clocked.Host.RegisterMemberAsync();
        var member = await clocked.Host.RegisterMemberAsync();
        await clocked.Host.RecordMembershipAsync(admin, new { memberId = member.Id, from = MembershipApi.Today,
            until = MembershipApi.Today.AddDays(365) });
        var starts = clocked.Clock.GetUtcNow().AddHours(2);
        var words = await clocked.Host.ScheduleSessionAsync(host, Plan("Werkplaats Woordenschat", "werkplaats", starts,
            2));
        var sums = await clocked.Host.ScheduleSessionAsync(host, Plan("Intervisie Rekenles", "intervisie",
            starts.AddSeconds(1), 1.5));
        var missed = await clocked.Host.ScheduleSessionAsync(host, Plan("Lezing Burgerschap", "lezing", starts, 1));
        foreach (var s in new[] { words, sums, missed }) await clocked.Host.SignUpAsync(member, s.SessionId, 201);

        // When they have begun, the host records that the member attended two, and the member gives feedback on one
        clocked.Clock.AdvanceTo(starts.AddSeconds(1));
        foreach (var (s, attended) in new[] { (words, new[] { member.Id }), (sums, [member.Id]), (missed, []) })
            await clocked.Host.RecordAttendanceAsync(host, s.SessionId, attended);
        await clocked.Host.GiveFeedbackAsync(member, words.SessionId, 5,
            "Ik herhaal nieuwe woorden drie keer per week.");

        // Then the PDF, the CSV and the JSON list exactly those two
        var pdf = await clocked.Host.PortfolioAsync(member, ".pdf");
        pdf.Context.Response.ContentType.ShouldBe("application/pdf");
        var text = Normalised(await OcrAsync(BytesOf(pdf)));
        text.ShouldContain("werkplaats woordenschat");
        text.ShouldContain("intervisie rekenles");
        text.ShouldNotContain("lezing burgerschap");
        text.ShouldContain("totaal: 3,5 uur");

        var csv = await clocked.Host.PortfolioAsync(member, ".csv");
        var bytes = BytesOf(csv);
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        rows[0].ShouldBe(PortfolioCsv.Header);
        rows.Where(r => r[0] == PortfolioCsv.SessionRow).Select(r => (r[2], r[3], r[4])).ShouldBe([("Werkplaats Woordenschat", "Werkplaats", "2"), ("Intervisie Rekenles", "Intervisie", "1,5")]);
        rows.Single(r => r[0] == PortfolioCsv.TotalRow)[4].ShouldBe("3,5");
        rows.Single(r => r[0] == PortfolioCsv.FeedbackRow)[2..].ShouldBe(["Werkplaats Woordenschat", "", "", "5", "Ik herhaal nieuwe woorden drie keer per week."]);

        var json = await clocked.Host.PortfolioAsync(member);
        var portfolio = (await json.ReadAsJsonAsync<Portfolio>())!;
        (portfolio.Sessions.Count, portfolio.TotalHours, portfolio.Feedback.Count).ShouldBe((2, 3.5, 1));
    }

    [Fact]
    public async Task A_free_member_has_no_portfolio_and_the_page_says_why()
    {
        var member = await network.RegisterAsync(MembershipApi.ASchool());

        foreach (var form in new[] { "", ".csv", ".pdf" })
        {
            var refused = await app.Host.PortfolioAsync(member, form, status: 403);
            (await refused.ProblemAsync()).Detail.ShouldBe(Entitlements.PortfolioRefused);
        }
        var page = await (await app.Host.Scenario(x => { x.Get.Url("/portfolio"); x.As(member); })).ReadAsTextAsync();
        page.ShouldContain("Gratis");
        page.ShouldContain("hoort bij een betaald lidmaatschap");
        page.ShouldNotContain("/api/me/portfolio.pdf");
    }

    [Fact]
    public async Task An_entitled_member_finds_the_downloads_on_the_portfolio_page()
    {
        var page = await (await app.Host.Scenario(x => { x.Get.Url("/portfolio"); x.As(network.EarlyBird); })).ReadAsTextAsync();

        page.ShouldContain("Early bird");
        page.ShouldContain("/api/me/portfolio.pdf");
        page.ShouldContain("/api/me/portfolio.csv");
    }

    /// <summary>Renders the PDF's first page at 150 dpi with poppler and reads it back with tesseract, as a person would see it.</summary>
    private static async Task<string> OcrAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("portfolio-");
        try
        {
            var file = Path.Combine(folder.FullName, "portfolio.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(folder.FullName, "page"));
            return await RunAsync("tesseract", Path.Combine(folder.FullName, "page.png"), "stdout");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{tool} failed: {await error}");
        return await output;
    }

    private static byte[] BytesOf(IScenarioResult result)
    {
        var body = result.Context.Response.Body;
        if (body.CanSeek) body.Position = 0;
        using var copy = new MemoryStream();
        body.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Normalised(string text) => Regex.Replace(text, @"\s+", " ").ToLowerInvariant();
}

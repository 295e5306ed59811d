using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Moderation;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// The initiative's counts on the dashboard, end to end: events written into the store with moments in weeks of 2001,
/// which no other test writes in, so a week's numbers are exactly this test's (the shared database holds every other
/// test's members and coalitions, all of them far later).
/// </summary>
public sealed class InitiativeHealthTests(AppFixture app)
{
    private static DateTimeOffset In(int week, int days = 0) => new HealthWeek(2001, week).Start.AddDays(days);

    [Fact]
    public async Task A_coalition_that_held_three_sessions_without_a_trial_or_a_product_is_on_the_decay_arc()
    {
        var moderator = await app.ModeratorAsync();
        var (stalled, trying) = (Guid.NewGuid(), Guid.NewGuid());
        var (question, madeQuestion) = (Guid.NewGuid(), Guid.NewGuid());
        // A third coalition made something for the kennisbank instead of a trial: that is not decay either.
        var made = Coalition.IdFor(madeQuestion);
        await SeedAsync(Formed(stalled, In(5), question), Formed(trying, In(5)), Formed(made, In(5), madeQuestion));
        foreach (var coalition in new[] { stalled, trying, made })
            for (var n = 1; n <= 3; n++) await SeedAsync(Session(coalition, In(5, n), ends: In(6, n)));
        await SeedAsync(Agreed(trying, Guid.NewGuid(), 1, In(7)));
        var product = Guid.NewGuid();
        await SeedAsync((product, new HetInitiatief.Kennisbank.ProductPublished(product, Guid.NewGuid(), "protocol",
            "Protocol woordmuur", "Zo hang je de woordmuur op.", [], "po", "members", madeQuestion, null, null, In(7))));
        // A fourth session that ends only after the week does not count yet.
        await SeedAsync(Session(stalled, In(9), ends: In(11)));

        var dashboard = await DashboardAsync(moderator, 10);

        dashboard.Indicators.StalledCoalitions.ShouldBe(1);
        dashboard.StalledCoalitions.ShouldHaveSingleItem()
            .ShouldBe(new StalledCoalition(stalled, question, 3, In(6, 3)));
        var page = await PageAsync(moderator, 10);
        page.ShouldContain($"<section id=\"{HealthIndicatorTexts.StalledAnchor}\"");
        page.ShouldContain($"<a href=\"/vragen/{question}#coalitie\">");
        page.ShouldContain("3 bijeenkomsten gehouden, geen proef afgesproken");
    }

    [Fact]
    public async Task Trials_reviewed_count_in_their_week_and_in_total()
    {
        var moderator = await app.ModeratorAsync();
        var coalition = Guid.NewGuid();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await SeedAsync(Formed(coalition, In(15)), Agreed(coalition, first, 1, In(16)),
            (coalition, new TrialReviewed(coalition, first, Guid.NewGuid(), "Goed", "Vaker", In(19, 6))),
            Agreed(coalition, second, 2, In(20)),
            (coalition, new TrialReviewed(coalition, second, Guid.NewGuid(), "Goed", "Vaker", In(20, 1))));

        var indicators = (await DashboardAsync(moderator, 20)).Indicators;

        (indicators.TrialsReviewed, indicators.TrialsReviewedTotal).ShouldBe((1, 2));
        var page = await PageAsync(moderator, 20);
        page.ShouldContain("Proeven met terugblik: <span class=\"health-value\">1</span>");
    }

    [Fact]
    public async Task Initiatives_completed_count_in_their_week_and_in_total()
    {
        var moderator = await app.ModeratorAsync();
        var (done, before) = (Guid.NewGuid(), Guid.NewGuid());
        await SeedAsync(Formed(done, In(25)), Formed(before, In(25)),
            (before, new InitiativeCompleted(before, Guid.NewGuid(), Guid.NewGuid(), "Gevierd", In(29))),
            (done, new InitiativeCompleted(done, Guid.NewGuid(), Guid.NewGuid(), "Gevierd", In(30, 2))));

        var indicators = (await DashboardAsync(moderator, 30)).Indicators;

        (indicators.InitiativesCompleted, indicators.InitiativesCompletedTotal).ShouldBe((1, 2));
        var page = await PageAsync(moderator, 30);
        page.ShouldContain("Initiatieven afgerond: <span class=\"health-value\">1</span>");
    }

    private static (Guid, object) Formed(Guid coalition, DateTimeOffset at, Guid? question = null) =>
        (coalition, new CoalitionFormed(coalition, question ?? Guid.NewGuid(), Guid.NewGuid(), 3, null, "Samen", at));

    private static (Guid, object) Agreed(Guid coalition, Guid trial, int round, DateTimeOffset at) =>
        (coalition, new TrialAgreed(coalition, trial, round, Guid.NewGuid(), "Tien woorden per dag",
            DateOnly.FromDateTime(at.AddDays(5).UtcDateTime), "Gebruiken ze de woorden?", at));

    /// <summary>A session for the coalition, with no minimum, so its go/no-go never calls it off.</summary>
    private static (Guid, object) Session(Guid coalition, DateTimeOffset scheduled, DateTimeOffset ends)
    {
        var id = Guid.NewGuid();
        return (id, new SessionScheduled(id, Guid.NewGuid(), "Samen oefenen", "Oefenen", "workshop", "online",
            ends.AddHours(-2), ends, null, "https://meet.example/oefenen", 20, 0, ends.AddDays(-1), "taal-en-lezen",
            coalition, null, scheduled));
    }

    private async Task SeedAsync(params (Guid Stream, object Event)[] events)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        foreach (var stream in events.GroupBy(e => e.Stream))
            session.Events.Append(stream.Key, stream.Select(e => e.Event).ToArray());
        await session.SaveChangesAsync();
    }

    private async Task<string> PageAsync(TestMember moderator, int week)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/moderatie/gezondheid?week=2001-W{week:D2}");
            x.As(moderator);
        });
        return await result.ReadAsTextAsync();
    }

    private async Task<HealthDashboard> DashboardAsync(TestMember moderator, int week)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/health?week=2001-W{week:D2}"); x.As(moderator); });
        return (await result.ReadAsJsonAsync<HealthDashboard>())!;
    }
}

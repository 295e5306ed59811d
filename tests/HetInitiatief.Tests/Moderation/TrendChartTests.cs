using System.Globalization;
using HetInitiatief.Moderation;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// The dashboard summary's sparklines and words. A chart of 106 by 26 keeps 3 units free on every side, so the line
/// runs from x 3 to 103 and from y 3 (the top) to 23 (zero): every expected coordinate is easy to check.
/// </summary>
public sealed class TrendChartTests
{
    private const double Width = 106, Height = 26;

    private static TrendChart Chart(bool percentage, params double?[] values) => TrendChart.From(values, Width, Height, percentage);

    [Fact]
    public void The_highest_count_touches_the_top_and_zero_the_bottom()
    {
        var chart = Chart(false, 0, 5, 10);

        chart.Lines.ShouldHaveSingleItem().ShouldBe([new TrendPoint(3, 23), new TrendPoint(53, 13), new TrendPoint(103, 3)]);
        chart.Current.ShouldBe(new TrendPoint(103, 3));
        (chart.Min, chart.Max, chart.Baseline).ShouldBe(((double?)0, (double?)10, 23d));
        chart.Describe("Vragen met doorvragen").ShouldBe("Vragen met doorvragen, laatste 3 weken: van 0 naar 10 (laagste 0, hoogste 10)");
    }

    [Fact]
    public void A_flat_series_is_a_level_line_and_says_so()
    {
        var five = Chart(false, 5, 5, 5);
        five.Lines.ShouldHaveSingleItem().Select(p => p.Y).ShouldBe([3, 3, 3]);
        five.Describe("Leden").ShouldBe("Leden, laatste 3 weken: steeds 5");

        // Nothing happening is drawn at zero, not at the top as "the maximum".
        var none = Chart(false, 0, 0, 0);
        none.Lines.ShouldHaveSingleItem().Select(p => p.Y).ShouldBe([23, 23, 23]);
        none.Describe("Nieuwe leden").ShouldBe("Nieuwe leden, laatste 3 weken: steeds 0");
    }

    [Fact]
    public void Weeks_without_a_number_break_the_line_and_a_lone_week_becomes_a_dot()
    {
        var chart = Chart(false, 2, null, 4, 8, null);

        chart.Dots.ShouldHaveSingleItem().ShouldBe(new TrendPoint(3, 18));
        chart.Lines.ShouldHaveSingleItem().ShouldBe([new TrendPoint(53, 13), new TrendPoint(78, 3)]);
        chart.Current.ShouldBeNull();
        chart.Describe("Actieve leden").ShouldBe("Actieve leden, laatste 5 weken: van 2 naar 8 (laagste 2, hoogste 8); 2 weken zonder cijfer");
    }

    [Fact]
    public void A_chart_without_any_number_draws_only_its_baseline()
    {
        var chart = Chart(true, null, null, null);

        chart.Lines.ShouldBeEmpty();
        chart.Dots.ShouldBeEmpty();
        (chart.Current, chart.Min, chart.Max).ShouldBe(((TrendPoint?)null, (double?)null, (double?)null));
        chart.Baseline.ShouldBe(23);
        chart.Describe("Over schoolgrenzen").ShouldBe("Over schoolgrenzen, laatste 3 weken: nog geen cijfers");
    }

    [Fact]
    public void A_single_week_is_a_dot_in_the_middle()
    {
        var chart = Chart(false, 7);

        chart.Dots.ShouldHaveSingleItem().ShouldBe(new TrendPoint(53, 3));
        chart.Current.ShouldBe(new TrendPoint(53, 3));
        chart.Lines.ShouldBeEmpty();
        chart.Describe("Leden").ShouldBe("Leden, deze week: één cijfer, 7");
    }

    [Fact]
    public void Shares_are_drawn_on_a_fixed_scale_from_0_to_100_percent()
    {
        // 75% is the highest week but stays a quarter below the top: a share is not stretched to fill the chart.
        var chart = Chart(true, 0.25, 0.5, 0.75);

        chart.Lines.ShouldHaveSingleItem().ShouldBe([new TrendPoint(3, 18), new TrendPoint(53, 13), new TrendPoint(103, 8)]);
        chart.Describe("Wederkerigheid (#durftevragen)")
            .ShouldBe("Wederkerigheid (#durftevragen), laatste 3 weken: van 25% naar 75% (laagste 25%, hoogste 75%)");
        Chart(true, 0.5, 0.5).Describe("Breedte").ShouldBe("Breedte, laatste 2 weken: steeds 50%");
        Chart(true, 0.5, 0.501).Describe("Breedte").ShouldBe("Breedte, laatste 2 weken: steeds 50%");
    }

    [Fact]
    public void Svg_numbers_use_a_decimal_point_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            var chart = Chart(true, 0.123, 0.5, null, 0.9);

            TrendChart.Points(chart.Lines[0]).ShouldBe("3,20.54 36.33,13");
            TrendChart.Number(2.5).ShouldBe("2.5");
            TrendChart.Number(1234.567).ShouldBe("1234.57");
            TrendChart.Format(0.123, percentage: true).ShouldBe("12%");
            TrendChart.Format(1234, percentage: false).ShouldBe("1234");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void The_change_against_last_week_is_told_in_words_as_the_numbers_are_shown()
    {
        TrendChart.Change(0.4, 0.5, percentage: true).ShouldBe(new TrendChange(1, "10 procentpunt hoger dan vorige week"));
        TrendChart.Change(0.5, 0.333, percentage: true).ShouldBe(new TrendChange(-1, "17 procentpunt lager dan vorige week"));
        TrendChart.Change(0.501, 0.499, percentage: true).ShouldBe(new TrendChange(0, "gelijk aan vorige week"));
        TrendChart.Change(7, 4, percentage: false).ShouldBe(new TrendChange(-1, "3 minder dan vorige week"));
        TrendChart.Change(4, 7, percentage: false).ShouldBe(new TrendChange(1, "3 meer dan vorige week"));
        TrendChart.Change(null, 0.5, percentage: true).ShouldBe(new TrendChange(0, "vorige week nog geen cijfer"));
        TrendChart.Change(0.4, null, percentage: true).ShouldBe(new TrendChange(0, "vorige week 40%"));
        TrendChart.Change(null, null, percentage: false).ShouldBeNull();
    }

    [Fact]
    public void The_summary_warns_when_facilitators_organise_most_and_points_to_the_praatgroepen()
    {
        var texts = HealthIndicatorTexts.All(new HealthSettings()).ToDictionary(t => t.Id);
        var week = new HealthIndicators("2024-W20", new DateOnly(2024, 5, 13),
            new Ratio(0, 0), new Ratio(1, 4), NotOurNetwork: true, TalkingShops: 2, new Ratio(5, 20), 1,
            new Ratio(2, 3), new Ratio(1, 2), 6, 1, 4, 1, 1, 1, 2);

        texts["eigenaarschap"].Judge(week).ShouldBe(new HealthVerdict("Let op: niet ons netwerk? Begeleiders zetten 3 van de 4 op.", Warning: true));
        texts["praatgroepen"].Judge(week)
            .ShouldBe(new HealthVerdict("Veel gepraat, nog geen doel of bijeenkomst: zie de lijst.", Warning: true, Link: "#praatgroepen-lijst"));
        texts["praatgroepen"].Judge(week with { TalkingShops = 0 })!.Warning.ShouldBeFalse();
        texts["wederkerigheid"].Judge(week).ShouldBe(new HealthVerdict("Niemand was actief in de afgelopen 4 weken."));
        texts["breedte"].Judge(week)!.Text.ShouldBe("De actiefste 1 lid: 5 van de 20 bijdragen.");
        texts["actief"].Judge(week).ShouldBeNull();
    }
}

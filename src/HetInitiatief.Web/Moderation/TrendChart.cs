using System.Globalization;

namespace HetInitiatief.Moderation;

/// <summary>A point of a trend chart in SVG user units; y grows downward, as in SVG.</summary>
public sealed record TrendPoint(double X, double Y);

/// <summary>
/// The geometry and the words of a sparkline, as a pure function of the weekly values, so the page only
/// draws what this computes and a test can check every number. A week without a number (null) breaks
/// the line instead of being drawn as zero. Shares are drawn on a fixed 0–100% scale, so 45% never looks
/// like a peak; counts on 0 to their maximum, so the highest week touches the top.
/// </summary>
public sealed class TrendChart
{
    /// <summary>Room kept around the line so a stroke or dot at the edge is not cut off.</summary>
    public const double Inset = 3;

    private readonly IReadOnlyList<double?> _values;

    private TrendChart(IReadOnlyList<double?> values, double width, double height, bool percentage,
        IReadOnlyList<IReadOnlyList<TrendPoint>> lines, IReadOnlyList<TrendPoint> dots, TrendPoint? current, double baseline)
    {
        (_values, Width, Height, Percentage, Lines, Dots, Current, Baseline) =
            (values, width, height, percentage, lines, dots, current, baseline);
    }

    public double Width { get; }
    public double Height { get; }
    public bool Percentage { get; }

    /// <summary>Runs of two or more consecutive weeks with a number, each drawn as one polyline.</summary>
    public IReadOnlyList<IReadOnlyList<TrendPoint>> Lines { get; }

    /// <summary>Weeks with a number but none on either side: a line would not show them, a dot does.</summary>
    public IReadOnlyList<TrendPoint> Dots { get; }

    /// <summary>The last week, marked so the eye finds "now"; null when it has no number.</summary>
    public TrendPoint? Current { get; }

    /// <summary>The y of zero, drawn as a faint rule so an all-empty chart still shows its frame.</summary>
    public double Baseline { get; }

    public double? Min => Known.Count == 0 ? null : Known.Min();
    public double? Max => Known.Count == 0 ? null : Known.Max();

    private List<double> Known => _values.OfType<double>().ToList();

    public static TrendChart From(IReadOnlyList<double?> values, double width, double height, bool percentage = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, 2 * Inset);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(height, 2 * Inset);
        var top = percentage ? 1 : Math.Max(0, values.OfType<double>().DefaultIfEmpty(0).Max());
        var innerHeight = height - 2 * Inset;
        double Y(double value) => top <= 0 ? height - Inset : Inset + innerHeight * (1 - Math.Clamp(value / top, 0, 1));
        double X(int week) => values.Count == 1 ? width / 2 : Inset + (width - 2 * Inset) * week / (values.Count - 1);

        var lines = new List<IReadOnlyList<TrendPoint>>();
        var dots = new List<TrendPoint>();
        var run = new List<TrendPoint>();
        void Close()
        {
            if (run.Count == 1) dots.Add(run[0]);
            else if (run.Count > 1) lines.Add(run);
            run = [];
        }
        for (var week = 0; week < values.Count; week++)
        {
            if (values[week] is { } value) run.Add(new TrendPoint(Round(X(week)), Round(Y(value))));
            else Close();
        }
        Close();
        var current = values.Count > 0 && values[^1] is { } last
            ? new TrendPoint(Round(X(values.Count - 1)), Round(Y(last)))
            : null;
        return new TrendChart(values, width, height, percentage, lines, dots, current, Round(height - Inset));
    }

    /// <summary>Coordinates for an SVG attribute: a dot as decimal separator whatever the server's culture.</summary>
    public static string Number(double value) => Round(value).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A polyline's <c>points</c> attribute.</summary>
    public static string Points(IEnumerable<TrendPoint> line) =>
        string.Join(' ', line.Select(p => $"{Number(p.X)},{Number(p.Y)}"));

    /// <summary>A value as the dashboard shows it: a share as a whole percentage, a count whole, nothing as a dash.</summary>
    public static string Format(double? value, bool percentage) => value is { } v
        ? percentage
            ? $"{Percent(v).ToString(CultureInfo.InvariantCulture)}%"
            : Math.Round(v).ToString("0", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>What the chart shows, in words, for its accessible name: "Leden, laatste 12 weken: van 3 naar 7".</summary>
    public string Describe(string title)
    {
        var known = Known;
        var weeks = _values.Count == 1 ? "deze week" : $"laatste {_values.Count} weken";
        var missing = _values.Count - known.Count;
        var gaps = missing == 0 || known.Count == 0 ? ""
            : missing == 1 ? "; 1 week zonder cijfer"
            : $"; {missing} weken zonder cijfer";
        var shape = known.Count switch
        {
            0 => "nog geen cijfers",
            1 => $"één cijfer, {Format(known[0], Percentage)}",
            _ when known.All(v => Same(v, known[0])) => $"steeds {Format(known[0], Percentage)}",
            _ => $"van {Format(known[0], Percentage)} naar {Format(known[^1], Percentage)}" +
                 $" (laagste {Format(known.Min(), Percentage)}, hoogste {Format(known.Max(), Percentage)})",
        };
        return $"{title}, {weeks}: {shape}{gaps}";
    }

    /// <summary>The last week against the one before, as shown: shares in percentage points of the rounded percentages.</summary>
    public static TrendChange? Change(double? previous, double? current, bool percentage)
    {
        if (current is null) return previous is null ? null : new TrendChange(0, $"vorige week {Format(previous, percentage)}");
        if (previous is null) return new TrendChange(0, "vorige week nog geen cijfer");
        var difference = percentage
            ? Percent(current.Value) - Percent(previous.Value)
            : Math.Round(current.Value) - Math.Round(previous.Value);
        var size = Math.Abs(difference).ToString("0", CultureInfo.InvariantCulture);
        return difference switch
        {
            0 => new TrendChange(0, "gelijk aan vorige week"),
            > 0 => new TrendChange(1, percentage ? $"{size} procentpunt hoger dan vorige week" : $"{size} meer dan vorige week"),
            _ => new TrendChange(-1, percentage ? $"{size} procentpunt lager dan vorige week" : $"{size} minder dan vorige week"),
        };
    }

    private static double Percent(double share) => Math.Round(share * 100);
    private bool Same(double a, double b) => Format(a, Percentage) == Format(b, Percentage);
    private static double Round(double value) => Math.Round(value, 2);
}

/// <summary>A week-on-week change: its direction (−1, 0, 1) for the arrow, and the words for everyone.</summary>
public sealed record TrendChange(int Direction, string Text);

/// <summary>What the <c>_Trend</c> partial draws: the chart and the words that name it for screen readers.</summary>
public sealed record Sparkline(TrendChart Chart, string Label);

using System.Globalization;
using System.Text.RegularExpressions;

namespace HetInitiatief.Moderation;

/// <summary>An ISO week (Monday to Sunday, UTC), written as Dutch calendars number them: "2026-W47".</summary>
public sealed partial record HealthWeek(int Year, int Number)
{
    public DateTimeOffset Start => new(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday), TimeSpan.Zero);

    /// <summary>The first moment after the week: what happened before it counts for this week's dashboard.</summary>
    public DateTimeOffset End => Start.AddDays(7);

    public DateOnly StartDate => DateOnly.FromDateTime(Start.UtcDateTime);

    public override string ToString() => $"{Year:D4}-W{Number:D2}";

    public static HealthWeek Containing(DateTimeOffset moment)
    {
        var day = moment.UtcDateTime;
        return new HealthWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    public HealthWeek Minus(int weeks) => Containing(Start.AddDays(-7 * weeks));

    public static bool TryParse(string? text, out HealthWeek week)
    {
        week = null!;
        var match = Format().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var (year, number) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        if (year < 2000 || year > 2999 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return false;
        week = new HealthWeek(year, number);
        return true;
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex Format();
}

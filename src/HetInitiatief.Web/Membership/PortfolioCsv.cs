using System.Text;
using HetInitiatief.Shared;

namespace HetInitiatief.Membership;

/// <summary>
/// The portfolio as one table for Dutch Excel: UTF-8 with a byte order mark (without it Excel reads the
/// file as Windows-1252 and mangles ë and é), semicolons between fields (Dutch Excel uses the comma for
/// decimals), dates as yyyy-MM-dd and hours with a decimal comma. The first column says what a row is.
/// </summary>
public static class PortfolioCsv
{
    public const string SessionRow = "Bijeenkomst";
    public const string FeedbackRow = "Feedback";
    public const string GoalRow = "Doel bereikt";
    public const string TotalRow = "Totaal uren";
    public const string MadeRow = "Gemaakt (kennisbank)";
    public const string UsedRow = "Gebruikt (kennisbank)";

    public static readonly string[] Header = ["Onderdeel", "Datum", "Titel", "Soort", "Uren", "Cijfer", "Toelichting"];

    public static byte[] Write(Portfolio portfolio)
    {
        var lines = new List<string?[]> { Header };
        lines.AddRange(portfolio.Sessions.Select(s => new[] { SessionRow, Day(s.StartsAt), s.Title, s.TypeName, Hours(s.Hours), null, null }));
        lines.Add([TotalRow, null, null, null, Hours(portfolio.TotalHours), null, null]);
        lines.AddRange(portfolio.Feedback.Select(f => new[] { FeedbackRow, Day(f.GivenAt), f.SessionTitle, null, null, f.Rating.ToString(Display.Dutch), f.ChangeInPractice }));
        lines.AddRange(portfolio.Goals.Select(g => new[] { GoalRow, null, g.QuestionTitle, null, null, null, g.Goal }));
        lines.AddRange((portfolio.Made ?? []).Select(m => new[] { MadeRow, Day(m.PublishedAt), m.Title, m.KindName, null, null, m.CoAuthor ? "co-auteur" : null }));
        lines.AddRange((portfolio.Used ?? []).Select(u => new[] { UsedRow, Day(u.UsedAt), u.Title, u.KindName, null, null, u.Note }));
        var text = string.Concat(lines.Select(l => string.Join(';', l.Select(Field)) + "\r\n"));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>
    /// RFC 4180 quoting. Text members typed themselves that starts like a formula gets a leading apostrophe,
    /// so Excel shows it instead of running it (CSV injection).
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static string Day(DateTimeOffset moment) => Display.Local(moment).ToString("yyyy-MM-dd", Display.Dutch);

    public static string Hours(double hours) => hours.ToString("0.##", Display.Dutch);
}

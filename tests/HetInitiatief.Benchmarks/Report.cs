using System.Globalization;
using System.Text;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// One row of the benchmark's single table: what was measured, the raw baseline it is compared with (run in the same
/// process, same run), both figures, their ratio, the target and whether it was met. A row without a baseline (peak
/// memory) leaves Raw and Ratio empty.
/// </summary>
public sealed record BenchRow(string Measurement, string Raw, string App, string Ratio, string Target, bool Met,
    string Notes = "")
{
    public static string Times(double ratio) => double.IsFinite(ratio) ? $"{ratio.ToString("F2", Nl)}×" : "–";

    public static string Ms(double ms) => double.IsFinite(ms) ? $"{ms.ToString(ms < 10 ? "F1" : "F0", Nl)} ms" : "–";

    public static string PerSecond(double value, string unit) =>
        double.IsFinite(value) ? $"{value.ToString("F0", Nl)} {unit}/s" : "–";

    // Decimal points, as the rest of docs/performance.md writes them.
    private static readonly CultureInfo Nl = CultureInfo.InvariantCulture;
}

/// <summary>
/// Collects every measurement's rows and prints them as one Markdown table; with <see cref="WriteIntoAsync"/> the table
/// replaces the part of docs/performance.md between the two bench markers, so the document always shows the last run.
/// </summary>
public sealed class Report(string heading)
{
    public const string Start = "<!-- bench:start -->";
    public const string End = "<!-- bench:end -->";
    private readonly List<BenchRow> rows = [];
    private readonly List<string> lines = [];

    public void Add(BenchRow row)
    {
        lock (rows) rows.Add(row);
    }

    public void Add(IEnumerable<BenchRow> more)
    {
        foreach (var row in more) Add(row);
    }

    /// <summary>A line printed under the table (machine, pinning, memory per connection, …).</summary>
    public void Note(string line)
    {
        lock (lines) lines.Add(line);
    }

    public IReadOnlyList<BenchRow> Rows => rows;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine();
        text.AppendLine("| measurement | raw baseline | app | app / raw | target | met |");
        text.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var notes = row.Notes.Length > 0 ? $" ({row.Notes})" : "";
            text.AppendLine($"| {row.Measurement}{notes} | {row.Raw} | {row.App} | {row.Ratio} | {row.Target} | " +
                            $"{(row.Met ? "met" : "**missed**")} |");
        }
        if (lines.Count > 0) text.AppendLine();
        foreach (var line in lines) text.AppendLine(line).AppendLine();
        text.AppendLine($"{rows.Count(r => r.Met)} of {rows.Count} rows met.");
        return text.ToString();
    }

    /// <summary>Replaces the text between the bench markers in <paramref name="markdownFile"/> with this table.</summary>
    public async Task WriteIntoAsync(string markdownFile)
    {
        var document = await File.ReadAllTextAsync(markdownFile);
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
            throw new InvalidOperationException($"{markdownFile} has no {Start} … {End} section to write the table into");
        var table = $"{Start}\n{ToMarkdown()}{End}";
        await File.WriteAllTextAsync(markdownFile, document[..start] + table + document[(end + End.Length)..]);
    }
}

using HetInitiatief.Shared;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace HetInitiatief.Membership;

/// <summary>
/// The portfolio as an A4 PDF: who, the attended sessions as a table with hours and a total, the feedback
/// given, and the goals reached. Long portfolios continue on new pages, the table's header repeated.
/// </summary>
public static class PortfolioPdf
{
    private const double Margin = 56;
    private const double Width = 595.28 - 2 * Margin;
    private const double Bottom = 841.89 - Margin - 20;

    private static readonly XFont Title, Heading, Bold, Text, Small;

    static PortfolioPdf()
    {
        // PDFsharp must have its font resolver before the first font is made.
        GlobalFontSettings.FontResolver = DejaVuFonts.Instance;
        Title = new(DejaVuFonts.Family, 18, XFontStyleEx.Bold);
        Heading = new(DejaVuFonts.Family, 13, XFontStyleEx.Bold);
        Bold = new(DejaVuFonts.Family, 10, XFontStyleEx.Bold);
        Text = new(DejaVuFonts.Family, 10, XFontStyleEx.Regular);
        Small = new(DejaVuFonts.Family, 8, XFontStyleEx.Regular);
    }

    // The sessions table: date, title, type, hours (right-aligned in the last column).
    private static readonly (string Label, double X, double Width)[] Columns =
        [("Datum", 0, 90), ("Titel", 90, 250), ("Soort", 340, 100), ("Uren", 440, Width - 440)];

    public static byte[] Render(Portfolio portfolio)
    {
        using var document = new PdfDocument();
        document.Info.Title = "Portfolio professionele ontwikkeling";
        document.Info.Author = portfolio.Member.Name;
        document.Info.Creator = "Het Initiatief";
        var pages = new Pages(document);

        pages.Write("Portfolio professionele ontwikkeling", Title, 26);
        pages.Write(string.IsNullOrWhiteSpace(portfolio.School) ? portfolio.Member.Name : $"{portfolio.Member.Name} · {portfolio.School}", Text);
        pages.Write($"Gemaakt op {Display.Local(portfolio.CreatedAt).ToString("d MMMM yyyy", Display.Dutch)} via Het Initiatief", Small, 20);

        pages.Write("Bijeenkomsten waarbij ik aanwezig was", Heading, 20);
        if (portfolio.Sessions.Count == 0) pages.Write("Nog geen bijeenkomsten met vastgelegde aanwezigheid.", Text);
        else
        {
            pages.TableHeader();
            foreach (var s in portfolio.Sessions)
                pages.Row([Display.Local(s.StartsAt).ToString("d MMM yyyy", Display.Dutch), s.Title, s.TypeName, PortfolioCsv.Hours(s.Hours)]);
            pages.Write($"Totaal: {PortfolioCsv.Hours(portfolio.TotalHours)} uur", Bold, 20);
        }

        pages.Write("Feedback die ik gaf", Heading, 20);
        if (portfolio.Feedback.Count == 0) pages.Write("Nog geen feedback gegeven.", Text);
        foreach (var f in portfolio.Feedback)
        {
            pages.Write($"{Display.Local(f.GivenAt).ToString("d MMM yyyy", Display.Dutch)} · {f.SessionTitle} · cijfer {f.Rating} van 5", Bold);
            pages.Write($"Wat ik anders ga doen: {f.ChangeInPractice}", Text, 8);
        }

        pages.Write("Bereikte doelen", Heading, 20);
        if (portfolio.Goals.Count == 0) pages.Write("Nog geen bereikte doelen bij mijn vragen.", Text);
        foreach (var g in portfolio.Goals)
        {
            pages.Write(g.QuestionTitle, Bold);
            pages.Write($"Doel: {g.Goal}", Text, 8);
        }

        pages.Write("Gemaakt voor de kennisbank", Heading, 20);
        if ((portfolio.Made ?? []).Count == 0) pages.Write("Nog niets gedeeld in de kennisbank.", Text);
        foreach (var m in portfolio.Made ?? []) pages.Write($"{m.Title} · {m.KindName}{(m.CoAuthor ? " · co-auteur" : "")}", Text, 8);

        pages.Write("Gebruikt uit de kennisbank", Heading, 20);
        if ((portfolio.Used ?? []).Count == 0) pages.Write("Nog niets uit de kennisbank gebruikt.", Text);
        foreach (var u in portfolio.Used ?? [])
        {
            pages.Write($"{Display.Local(u.UsedAt).ToString("d MMM yyyy", Display.Dutch)} · {u.Title}", Bold);
            if (u.Note.Length > 0) pages.Write(u.Note, Text, 8);
        }

        pages.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Writes top to bottom and starts a new page when the next block would not fit.</summary>
    private sealed class Pages(PdfDocument document)
    {
        private XGraphics? _graphics;
        private double _y;
        private bool _inTable;

        private XGraphics Graphics => _graphics ?? NewPage();

        public void Write(string text, XFont font, double spaceAfter = 4)
        {
            _inTable = false;
            var lines = Wrap(text, font, Width);
            // A heading keeps a few lines of what follows with it, so it never ends a page on its own.
            Room(Math.Min(lines.Count, 3) * font.Height + (font == Heading ? 3 * Text.Height : 0));
            foreach (var line in lines)
            {
                Room(font.Height);
                Graphics.DrawString(line, font, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
                _y += font.Height;
            }
            _y += spaceAfter;
        }

        public void TableHeader()
        {
            Room(3 * Text.Height);
            foreach (var (label, x, width) in Columns)
                Graphics.DrawString(label, Bold, XBrushes.Black, Cell(x, width, label == "Uren"), _y, label == "Uren" ? XStringFormats.TopRight : XStringFormats.TopLeft);
            _y += Bold.Height + 2;
            Graphics.DrawLine(XPens.DarkGray, Margin, _y, Margin + Width, _y);
            _y += 4;
            _inTable = true;
        }

        public void Row(IReadOnlyList<string> cells)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, Text, Columns[i].Width - 8)).ToList();
            var height = wrapped.Max(w => w.Count) * Text.Height + 4;
            if (_y + height > Bottom)
            {
                NewPage();
                TableHeader();
            }
            for (var i = 0; i < cells.Count; i++)
            {
                var (_, x, width) = Columns[i];
                var right = i == cells.Count - 1;
                for (var line = 0; line < wrapped[i].Count; line++)
                    Graphics.DrawString(wrapped[i][line], Text, XBrushes.Black, Cell(x, width, right), _y + line * Text.Height, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }
            _y += height;
        }

        /// <summary>Page numbers, once the number of pages is known.</summary>
        public void Finish()
        {
            _graphics?.Dispose();
            _graphics = null;
            for (var i = 0; i < document.PageCount; i++)
            {
                using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                graphics.DrawString($"Pagina {i + 1} van {document.PageCount}", Small, XBrushes.DimGray, Margin + Width, Bottom + 14, XStringFormats.TopRight);
            }
        }

        private void Room(double height)
        {
            if (_graphics is null || _y + height > Bottom)
            {
                var continuesTable = _inTable;
                NewPage();
                if (continuesTable) TableHeader();
            }
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
            return _graphics;
        }

        private static double Cell(double x, double width, bool right) => Margin + x + (right ? width : 0);

        /// <summary>Breaks text into lines that fit the width, at spaces, and inside a word only when it is longer than a line.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var graphics = Graphics;
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (graphics.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
                    if (line.Length > 0) lines.Add(line);
                    line = word;
                    while (graphics.MeasureString(line, font).Width > width && line.Length > 1)
                    {
                        var fits = line.Length - 1;
                        while (fits > 1 && graphics.MeasureString(line[..fits], font).Width > width) fits--;
                        lines.Add(line[..fits]);
                        line = line[fits..];
                    }
                }
                lines.Add(line);
            }
            return lines;
        }
    }
}

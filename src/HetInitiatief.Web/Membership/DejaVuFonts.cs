using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace HetInitiatief.Membership;

/// <summary>
/// PDFsharp 6 finds no system fonts on Linux; it asks a resolver. This one serves DejaVu Sans (Debian's
/// <c>fonts-dejavu-core</c>, installed by ops/install-prerequisites.sh), which covers every Dutch letter.
/// Italic is simulated: the portfolio does not use it.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Directory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>PDFsharp wants the same resolver instance every time it is set, for the whole process.</summary>
    public static readonly DejaVuFonts Instance = new();

    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    private DejaVuFonts()
    {
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, name =>
    {
        var path = Path.Combine(Directory, name + ".ttf");
        if (!File.Exists(path)) throw new InvalidOperationException($"The portfolio PDF needs {path}: install the Debian package fonts-dejavu-core.");
        return File.ReadAllBytes(path);
    });
}

namespace HetInitiatief.Kennisbank;

/// <summary>
/// The bytes of an uploaded file, kept as a Marten document in PostgreSQL. A document rather than a bytea table: it
/// is stored in the same session, so the same transaction, as the event that names it — a file exists exactly when
/// its product says so — and it needs no schema of its own nor a second backup. Marten keeps the bytes as base64 in
/// jsonb, a third larger; at 30 MB per product that costs less than a second store would. Only the download loads it;
/// every page reads the names and sizes from the owner's read model.
/// </summary>
/// <param name="OwnerId">What the file is attached to: a product, or another feature's owner (an experience).</param>
public sealed record StoredFile(
    Guid Id, Guid OwnerId, Guid UploadedBy, string FileName, string ContentType, long Size, byte[] Bytes,
        DateTimeOffset StoredAt);

/// <summary>A file checked and put in the session, waiting for the caller's commit.</summary>
public sealed record StoredAttachment(Guid Id, string FileName, string ContentType, long Size);

/// <summary>
/// Uploads for any feature: the limits, the allow-list of types and the check that a file is what it claims, by its
/// name's extension, its declared content type and its first bytes. A refusal names the form field <c>file</c>.
/// </summary>
public static class Attachments
{
    public const string Field = "file";
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxTotalBytes = 30 * 1024 * 1024;
    public const int FileNameMax = 200;

    private const string Zip = "zip";

    /// <summary>
    /// Extension → the content types it may be declared as, and the signature its bytes start with.
    /// </summary>
    private static readonly Dictionary<string, (string[] ContentTypes, string Signature)> Allowed = new()
    {
        [".pdf"] = (["application/pdf"], "pdf"),
        [".docx"] = (["application/vnd.openxmlformats-officedocument.wordprocessingml.document"], Zip),
        [".xlsx"] = (["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], Zip),
        [".pptx"] = (["application/vnd.openxmlformats-officedocument.presentationml.presentation"], Zip),
        [".odt"] = (["application/vnd.oasis.opendocument.text"], Zip),
        [".ods"] = (["application/vnd.oasis.opendocument.spreadsheet"], Zip),
        [".odp"] = (["application/vnd.oasis.opendocument.presentation"], Zip),
        [".png"] = (["image/png"], "png"),
        [".jpg"] = (["image/jpeg"], "jpg"),
        [".jpeg"] = (["image/jpeg"], "jpg"),
        [".gif"] = (["image/gif"], "gif"),
        [".txt"] = (["text/plain"], "text"),
        [".csv"] = (["text/csv", "text/plain", "application/vnd.ms-excel"], "text"),
        [".mp4"] = (["video/mp4"], "mp4"),
    };

    public static IEnumerable<string> Extensions => Allowed.Keys;

    /// <summary>For the file input's <c>accept</c>: the browser offers only what the server takes.</summary>
    public static string Accept => string.Join(',', Allowed.Keys);

    public static readonly string AllowedText =
        "pdf, docx, xlsx, pptx, odt, ods, odp, png, jpg, gif, txt, csv of mp4";

    public static readonly Problem TooLarge =
        Problem.Invalid(Field, $"Een bestand mag hoogstens {MaxFileBytes / (1024 * 1024)} MB zijn.");

    /// <summary>
    /// The uploaded file of a request, or null when there is none — also when the body is not a form at all (JSON, or
    /// nothing), which binding an <see cref="IFormFile"/> parameter would answer with a 500.
    /// </summary>
    public static async Task<IFormFile?> FromAsync(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile(Field) : null;

    /// <summary>
    /// Checks the upload and adds it to the session as a <see cref="StoredFile"/> of <paramref name="ownerId"/>; the
    /// caller commits it with its own event. <paramref name="alreadyStored"/>: the bytes the owner holds already.
    /// </summary>
    public static async Task<Outcome<StoredAttachment>> StoreAsync(
        IDocumentSession session, Guid ownerId, Guid uploadedBy, IFormFile? file, long alreadyStored,
            DateTimeOffset now,
        CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Problem.Invalid(Field, "Kies een bestand om toe te voegen.");
        if (file.Length > MaxFileBytes) return TooLarge;
        if (alreadyStored + file.Length > MaxTotalBytes)
            return Problem.Invalid(Field,
                $"Samen mogen de bijlagen hoogstens {MaxTotalBytes / (1024 * 1024)} MB zijn; " +
                                          $"er is nog {Math.Max(0, MaxTotalBytes - alreadyStored) / 1024} kB over.");
        var name = Path.GetFileName(file.FileName ?? "").Trim();
        if (name.Length is 0 or > FileNameMax || name.Any(char.IsControl))
            return Problem.Invalid(Field, $"Geef het bestand een naam van 1 tot {FileNameMax} tekens.");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var declared = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!Allowed.TryGetValue(extension, out var allowed) || !allowed.ContentTypes.Contains(declared))
            return Problem.Invalid(Field, $"Dit soort bestand kan niet als bijlage. Toegestaan: {AllowedText}.");

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (!StartsLike(bytes, allowed.Signature))
            return Problem.Invalid(Field,
                $"De inhoud van dit bestand past niet bij '{extension}'. Toegestaan: {AllowedText}.");

        var stored = new StoredFile(Guid.CreateVersion7(), ownerId, uploadedBy, name, allowed.ContentTypes[0],
            bytes.Length, bytes, now);
        session.Store(stored);
        return new StoredAttachment(stored.Id, stored.FileName, stored.ContentType, stored.Size);
    }

    /// <summary>
    /// A file's first bytes match its type, so a program renamed to .pdf is refused. Text may hold no NUL byte, which
    /// no plain text or csv file has.
    /// </summary>
    public static bool StartsLike(ReadOnlySpan<byte> bytes, string signature) => signature switch
    {
        "pdf" => bytes.StartsWith("%PDF-"u8),
        Zip => bytes.StartsWith("PK\u0003\u0004"u8),
        "png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "jpg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "gif" => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
        "mp4" => bytes.Length >= 8 && bytes[4..8].SequenceEqual("ftyp"u8),
        "text" => !bytes.Contains((byte)0),
        _ => false,
    };

    /// <summary>
    /// The download: always as an attachment with its stored type, so a browser never renders an upload as a page of
    /// this site; <c>filename*</c> carries names with accents. <c>nosniff</c> comes with every answer
    /// (SecurityHeaders).
    /// </summary>
    public static Download Serve(StoredFile file) => Download.File(file.Bytes, file.ContentType, file.FileName);
}

using System.Globalization;
using System.Security.Claims;
using HetInitiatief.Infrastructure;
using HetInitiatief.Members;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace HetInitiatief.Mail;

public sealed record OutboxMessage(string File, DateTimeOffset At, string To, string Subject);

/// <summary>
/// The mail written to the outbox folder, newest first. <c>SmtpConfigured</c>: mail goes to the SMTP
/// server instead, and the folder only holds what was written before.
/// </summary>
public sealed record OutboxPage(bool SmtpConfigured, string Directory, int Page, int PageSize, int Total, IReadOnlyList<OutboxMessage> Messages);

public static class AdminOnly
{
    /// <summary>Checked against the stored profile, not the sign-in's claims, so a revoked admin is refused at once.</summary>
    public static async Task<Problem?> CheckAsync(Guid memberId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<MemberProfile>(memberId, ct) switch
        {
            null => Problem.Unauthorized("Log opnieuw in."),
            { } member when !member.Has(MemberRoles.Admin) => Problem.Forbidden("Alleen een beheerder kan dit bekijken."),
            _ => null,
        };
}

public static class OutboxEndpoint
{
    public const int PageSize = 50;

    [Tags("Mail")]
    [EndpointSummary("The e-mail written to the outbox folder because no SMTP server is configured, newest first (admin only).")]
    [ProducesResponseType(typeof(OutboxPage), 200)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 403, "application/problem+json")]
    [WolverineGet("/api/admin/outbox")]
    public static async Task<IResult> Get(int? page, ClaimsPrincipal user, IQuerySession session, Mailer mailer, CancellationToken ct)
    {
        if (await AdminOnly.CheckAsync(user.MemberId(), session, ct) is { } refused) return refused.ToResult();
        return Results.Ok(await ReadAsync(mailer, page ?? 1, ct));
    }

    /// <summary>File names start with the time they were written, so sorting by name is newest first without opening every file.</summary>
    public static async Task<OutboxPage> ReadAsync(Mailer mailer, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var files = Directory.Exists(mailer.OutboxDirectory)
            ? Directory.GetFiles(mailer.OutboxDirectory, "*.eml").OrderByDescending(Path.GetFileName, StringComparer.Ordinal).ToList()
            : [];
        var messages = new List<OutboxMessage>();
        foreach (var file in files.Skip((page - 1) * PageSize).Take(PageSize))
        {
            if (await HeadersAsync(file, ct) is { } message) messages.Add(message);
        }
        return new OutboxPage(mailer.SmtpConfigured, mailer.OutboxDirectory, page, PageSize, files.Count, messages);
    }

    private static async Task<OutboxMessage?> HeadersAsync(string file, CancellationToken ct)
    {
        try
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            using var reader = new StreamReader(file);
            while (await reader.ReadLineAsync(ct) is { Length: > 0 } line)
            {
                var colon = line.IndexOf(':');
                if (colon > 0) headers.TryAdd(line[..colon], line[(colon + 1)..].Trim());
            }
            return new OutboxMessage(Path.GetFileName(file), WrittenAt(file), headers.GetValueOrDefault("To", ""), headers.GetValueOrDefault("Subject", ""));
        }
        catch (IOException)
        {
            // Removed or still being written while we listed the folder: it shows on the next look.
            return null;
        }
    }

    private static DateTimeOffset WrittenAt(string file) =>
        DateTime.TryParseExact(Path.GetFileName(file)[..Math.Min(17, Path.GetFileName(file).Length)], "yyyyMMddHHmmssfff", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
}

using HetInitiatief.Coalitions;
using HetInitiatief.Kennisbank;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>
/// A file that shows what happened — student work, a survey, a photo — attached to an experience.
/// </summary>
public sealed record ExperienceFileAttached(
    Guid CoalitionId, Guid ExperienceId, Guid AttachmentId, Guid AttachedBy, string FileName, string ContentType,
    long Size, DateTimeOffset AttachedAt);

/// <summary>
/// Evidence as files, kept like the kennisbank's (<see cref="Attachments"/>: the same limits and allow-list, the bytes
/// in PostgreSQL, committed with the event that names them). The member who shared the experience attaches to it.
/// </summary>
public static class ExperienceFilesEndpoint
{
    public static Problem? MayAttach(Coalition coalition, InitiativeTimeline.Experience? experience, Guid memberId) =>
        MustBeUnderway(coalition)
        ?? (experience is null ? Problem.NotFound("Deze ervaring bestaat niet in deze coalitie.")
            : experience.By != memberId
                ? Problem.Forbidden("Alleen wie de ervaring deelde, voegt er bestanden aan toe.")
            : null);

    public static Decision Decide(Coalition coalition, InitiativeTimeline.Experience? experience, StoredAttachment file,
        Guid memberId, DateTimeOffset now) =>
        MayAttach(coalition, experience, memberId)
        ?? Decision.Accept(new ExperienceFileAttached(coalition.Id, experience!.Id, file.Id, memberId, file.FileName,
            file.ContentType, file.Size, now));

    [EndpointSummary("Attach a file (multipart form field 'file') to an experience you shared: at most 10 MB, "
        + "30 MB per experience; pdf, docx, xlsx, pptx, odt, ods, odp, png, jpg, gif, txt, csv or mp4.")]
    [WolverinePost("/api/coalitions/{id}/experiences/{experienceId}/attachments")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<InitiativeWritten>> Post(
        Guid id, Guid experienceId, HttpRequest request, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await AttachAsync(id, experienceId, await Attachments.FromAsync(request, ct), user.MemberId(), store,
                clock.GetUtcNow(), ct))
            .Created(w => Url(id, experienceId, w.Id!.Value));

    [EndpointSummary("Download a file attached to an experience (members), as an attachment with its stored type.")]
    [WolverineGet("/api/coalitions/{id}/experiences/{experienceId}/attachments/{attachmentId}")]
    [FileFormat("application/octet-stream")]
    [Refuses(404)]
    public static async Task<Download> Get(
        Guid id, Guid experienceId, Guid attachmentId, IQuerySession session, CancellationToken ct)
    {
        var timeline = await session.LoadAsync<InitiativeTimeline>(id, ct);
        if (Find(timeline, experienceId)?.Files?.Any(f => f.Id == attachmentId) != true)
            return Problem.NotFound("Dit bestand bestaat niet.");
        var file = await session.LoadAsync<StoredFile>(attachmentId, ct);
        return file is null || file.OwnerId != experienceId
            ? Problem.NotFound("Dit bestand bestaat niet.")
            : Attachments.Serve(file);
    }

    public static string Url(Guid coalitionId, Guid experienceId, Guid attachmentId) =>
        $"/api/coalitions/{coalitionId}/experiences/{experienceId}/attachments/{attachmentId}";

    public static async Task<Outcome<InitiativeWritten>> AttachAsync(
        Guid coalitionId, Guid experienceId, IFormFile? file, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // Locked while the file is checked, so two uploads at once cannot together pass the total limit.
        var stream = await session.Events.FetchForExclusiveWriting<Coalition>(coalitionId, ct);
        if (stream.Aggregate is not { } coalition) return Problem.NotFound(CoalitionRules.NotFound);
        var experience = Find(await session.LoadAsync<InitiativeTimeline>(coalitionId, ct), experienceId);
        var attached = await AttachInAsync(session, coalition, experience, file, memberId, now, ct);
        if (attached.Refusal is { } refused) return refused;
        stream.AppendMany(attached.Events);
        await session.SaveChangesAsync(ct);
        return new InitiativeWritten(coalitionId, (stream.StartingVersion ?? 0) + 1,
            ((ExperienceFileAttached)attached.Events[0]).AttachmentId);
    }

    /// <summary>
    /// Shares an experience with a file, in one transaction: a refused file leaves no experience behind, so the member
    /// sends both again instead of finding half of it saved.
    /// </summary>
    public static async Task<Outcome<InitiativeWritten>> ShareWithFileAsync(Guid coalitionId, Guid trialId,
        ShareExperience command, IFormFile file, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Coalition>(coalitionId, ct);
        if (stream.Aggregate is not { } coalition) return Problem.NotFound(CoalitionRules.NotFound);
        var experienceId = Guid.CreateVersion7();
        var shared = ShareExperienceEndpoint.Decide(coalition, trialId, command, experienceId, memberId, now);
        if (shared.Refusal is { } refused) return refused;
        var experience =
            new InitiativeTimeline.Experience(experienceId, memberId, command.Evidence!, command.Text!, now);
        var attached = await AttachInAsync(session, coalition, experience, file, memberId, now, ct);
        if (attached.Refusal is { } invalid) return invalid;
        stream.AppendMany([.. shared.Events, .. attached.Events]);
        await session.SaveChangesAsync(ct);
        return new InitiativeWritten(coalitionId, (stream.StartingVersion ?? 0) + 2, experienceId);
    }

    private static async Task<Decision> AttachInAsync(Marten.IDocumentSession session, Coalition coalition,
        InitiativeTimeline.Experience? experience, IFormFile? file, Guid memberId, DateTimeOffset now,
        CancellationToken ct)
    {
        if (MayAttach(coalition, experience, memberId) is { } refused) return refused;
        var already = experience!.Files?.Sum(f => f.Size) ?? 0;
        var stored = await Attachments.StoreAsync(session, experience.Id, memberId, file, already, now, ct);
        return stored.Problem is { } invalid ? invalid : Decide(coalition, experience, stored.Value!, memberId, now);
    }

    private static InitiativeTimeline.Experience? Find(InitiativeTimeline? timeline, Guid experienceId) =>
        timeline?.Trials.SelectMany(t => t.Experiences).FirstOrDefault(e => e.Id == experienceId);
}

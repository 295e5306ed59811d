using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>What happened when a member tried it, and what shows it: the evidence the seeds ask for.</summary>
public sealed record ShareExperience(string? Evidence, string? Text);

public static class Evidence
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["studentWork"] = "Werk van leerlingen",
        ["survey"] = "Enquête",
        ["grades"] = "Cijfers",
        ["video"] = "Video",
        ["observation"] = "Observatie",
        ["conversation"] = "Gesprek",
    };
}

public static class ShareExperienceEndpoint
{
    /// <summary>
    /// Any member of the coalition shares, for a trial of this coalition, until the initiative is done.
    /// </summary>
    public static Problem? MayShare(Coalition coalition, Guid trialId, Guid memberId) =>
        MustBeUnderway(coalition)
        ?? MustTakePart(coalition, memberId, "een ervaring delen")
        ?? (coalition.Progress.Trials.All(t => t.Id != trialId)
            ? Problem.NotFound("Deze proef bestaat niet in deze coalitie.") : null);

    public static Decision Decide(
        Coalition coalition, Guid trialId, ShareExperience command, Guid experienceId, Guid memberId,
        DateTimeOffset now) =>
        new FieldRules()
            .Check(command.Evidence is not null && Evidence.Kinds.ContainsKey(command.Evidence), "evidence",
                "Kies wat je ervaring laat zien: werk van leerlingen, een enquête, cijfers, video, observatie "
                + "of een gesprek.")
            .Text("text", command.Text, "wat er gebeurde", ExperienceMax, min: 10)
            .Problem
        ?? MayShare(coalition, trialId, memberId)
        ?? Decision.Accept(new ExperienceShared(coalition.Id, experienceId, trialId, memberId, command.Evidence!,
            command.Text!.Trim(), now));

    [EndpointSummary("Share what happened in a trial, with the kind of evidence (any member of the coalition).")]
    [WolverinePost("/api/coalitions/{id}/trials/{trialId}/experiences")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<InitiativeWritten>> Post(
        Guid id, Guid trialId, ShareExperience command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ShareAsync(id, trialId, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/coalitions/{id}/timeline");

    public static async Task<Outcome<InitiativeWritten>> ShareAsync(
        Guid coalitionId, Guid trialId, ShareExperience command, Guid memberId, IDocumentStore store,
        DateTimeOffset now, CancellationToken ct)
    {
        var experienceId = Guid.CreateVersion7();
        return await InitiativeRules.WriteAsync(store, coalitionId,
            c => Decide(c, trialId, command, experienceId, memberId, now), ct, experienceId);
    }
}

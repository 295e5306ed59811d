using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HetInitiatief.Sessions;

/// <summary>
/// The session forms ask for a day and times where the API takes moments (<c>startsAt</c>, <c>endsAt</c>,
/// <c>signUpDeadline</c>). A refusal is told beside the part the member filled in or left empty, so every
/// message sits at a field they can see, and an empty field is never told that the end lies after the start.
/// </summary>
public sealed record SessionForm(DateOnly? Day, TimeOnly? From, TimeOnly? Until, DateOnly? DeadlineDay, IReadOnlyList<string> Fields)
{
    public const string MissingDay = "Vul een datum in.";
    public const string MissingFrom = "Vul een begintijd in.";
    public const string MissingUntil = "Vul een eindtijd in.";
    public const string MissingDeadlineDay = "Vul de laatste dag in waarop aanmelden kan.";

    /// <summary>The form's fields in the order they appear, so the error summary reads from top to bottom.</summary>
    public static readonly IReadOnlyList<string> NewSessionFields =
    [
        "Title", "Description", "Type", "Format", "Day", "From", "Until", "Location", "MeetingLink", "Capacity", "Minimum",
        "DeadlineDay", "Theme",
    ];

    public static readonly IReadOnlyList<string> MoveFields = ["Day", "From", "Until"];

    private bool AsksDeadline => Fields.Contains("DeadlineDay");

    /// <summary>Each reason as (form field, reason); an empty field name means the summary at the top only.</summary>
    public IReadOnlyList<(string Field, string Reason)> Errors(Problem problem)
    {
        if (problem.Errors.Count == 0) return [(string.Empty, problem.Detail)];
        var errors = new List<(string Field, string Reason)>();
        if (Day is null) errors.Add(("Day", MissingDay));
        if (From is null) errors.Add(("From", MissingFrom));
        if (Until is null) errors.Add(("Until", MissingUntil));
        if (AsksDeadline && DeadlineDay is null) errors.Add(("DeadlineDay", MissingDeadlineDay));
        foreach (var (name, reasons) in problem.Errors)
        {
            if (FieldOf(name) is not { } field) continue;
            errors.AddRange(reasons.Select(reason => (field, reason)));
        }
        return errors.Distinct().OrderBy(e => e.Field.Length == 0 ? -1 : IndexOf(e.Field)).ToList();
    }

    public void AddTo(ModelStateDictionary modelState, Problem problem) => modelState.AddErrors(Errors(problem));

    /// <summary>Where the API's field is on the form; null when a missing part already says what is wrong.</summary>
    private string? FieldOf(string name) => name switch
    {
        "startsAt" => Day is null || From is null ? null : "Day",
        "endsAt" => Day is null || Until is null ? null : "Until",
        "signUpDeadline" or "priorityUntil" => !AsksDeadline ? string.Empty : DeadlineDay is null ? null : "DeadlineDay",
        _ => char.ToUpperInvariant(name[0]) + name[1..] is var field && Fields.Contains(field) ? field : string.Empty,
    };

    private int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i] == field) return i;
        return Fields.Count;
    }
}

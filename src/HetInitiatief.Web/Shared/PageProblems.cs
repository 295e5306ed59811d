using HetInitiatief.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HetInitiatief.Shared;

public static class PageProblems
{
    /// <summary>Shows a refusal on the form: each field's reason beside that field, the rest at the top.</summary>
    public static void AddProblem(this ModelStateDictionary modelState, Problem problem)
    {
        if (problem.Errors.Count == 0) modelState.AddModelError(string.Empty, problem.Detail);
        foreach (var (field, reasons) in problem.Errors)
        {
            foreach (var reason in reasons) modelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], reason);
        }
    }
}

using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Shared;

public static class PageProblems
{
    /// <summary>
    /// The order in which a refusal named its fields: the decision checks them in the form's order, while model
    /// state enumerates its keys in an order of its own.
    /// </summary>
    private static readonly ConditionalWeakTable<ModelStateDictionary, List<string>> FieldOrder = new();

    /// <summary>Shows a refusal on the form: each field's reason beside that field, the rest at the top.</summary>
    public static void AddProblem(this ModelStateDictionary modelState, Problem problem)
    {
        if (problem.Errors.Count == 0) modelState.AddModelError(string.Empty, problem.Detail);
        modelState.AddErrors(problem.Errors.SelectMany(e =>
            e.Value.Select(reason => (char.ToUpperInvariant(e.Key[0]) + e.Key[1..], reason))));
    }

    /// <summary>Adds form errors, remembering the order of their fields for the error summary.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<(string Field, string Reason)> errors)
    {
        var order = FieldOrder.GetOrCreateValue(modelState);
        foreach (var (field, reason) in errors)
        {
            if (!order.Contains(field)) order.Add(field);
            modelState.AddModelError(field, reason);
        }
    }

    /// <summary>Any of these fields was refused: its folded-away form opens again to show why.</summary>
    public static bool HasErrorsFor(this ModelStateDictionary modelState, params string[] fields) =>
        fields.Any(field => modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0);

    /// <summary>Every error for the error summary: the general ones first, then the fields in the order of the form.</summary>
    public static IEnumerable<(string Field, string Message)> ErrorsInFieldOrder(this ModelStateDictionary modelState)
    {
        var order = FieldOrder.TryGetValue(modelState, out var known) ? known : [];
        int Position(string key) => key.Length == 0 ? -1 : order.IndexOf(key) is var i and >= 0 ? i : int.MaxValue;
        return modelState.Where(e => e.Value is { Errors.Count: > 0 }).OrderBy(e => Position(e.Key))
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage)));
    }

    /// <summary>
    /// Post, redirect, get — with the confirmation shown after the redirect — or, when refused, the page
    /// again with the reasons and the refusal's status. Every page's form posts end here.
    /// </summary>
    /// <param name="showRefusal">How the reasons go on the form, when not field by field as the refusal names them.</param>
    public static async Task<IActionResult> RedirectOrShowAsync(
        this PageModel page, Problem? refusal, Func<IActionResult> redirect, Func<Task<IActionResult>> show,
        string? confirmation = null, Action<Problem>? showRefusal = null)
    {
        if (refusal is null)
        {
            if (confirmation is not null) page.Confirm(confirmation);
            return redirect();
        }
        if (showRefusal is null) page.ModelState.AddProblem(refusal);
        else showRefusal(refusal);
        var shown = await show();
        page.Response.StatusCode = refusal.Status;
        return shown;
    }
}

using HetInitiatief.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

    /// <summary>
    /// Post, redirect, get — with the confirmation shown after the redirect — or, when refused, the page
    /// again with the reasons and the refusal's status.
    /// </summary>
    public static async Task<IActionResult> RedirectOrShowAsync(
        this PageModel page, Problem? refusal, Func<IActionResult> redirect, Func<Task<IActionResult>> show, string? confirmation = null)
    {
        if (refusal is null)
        {
            if (confirmation is not null) page.Confirm(confirmation);
            return redirect();
        }
        page.ModelState.AddProblem(refusal);
        var shown = await show();
        page.Response.StatusCode = refusal.Status;
        return shown;
    }
}

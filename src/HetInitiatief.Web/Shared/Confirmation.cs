using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HetInitiatief.Shared;

/// <summary>
/// The short "done" after a successful form: kept in TempData so it survives the redirect of
/// post-redirect-get, and shown once by the layout in a status region that screen readers announce.
/// </summary>
public static class Confirmation
{
    private const string Key = "Confirmation";

    public static void Confirm(this PageModel page, string message) => page.TempData[Key] = message;

    /// <summary>
    /// The confirmation, once. A live refresh (live.js fetching the page after a push) leaves it alone: that fetch can
    /// race the redirect after the member's own post, and must not eat the confirmation meant for the page they land on.
    /// </summary>
    public static string? Take(HttpContext context, ITempDataDictionary tempData) =>
        context.Request.Headers["X-Requested-With"] == "live" ? null : tempData[Key] as string;
}

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

    public static string? Take(ITempDataDictionary tempData) => tempData[Key] as string;
}

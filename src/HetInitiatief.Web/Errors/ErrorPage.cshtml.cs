using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Errors;

/// <summary>
/// What a person sees when a page request fails: in Dutch, in the site's layout, with a way back. It is re-executed
/// for the original request, whatever its method, so it takes no antiforgery token and answers every verb.
/// </summary>
[AllowAnonymous]
[Members.AllowUnconfirmed]
[IgnoreAntiforgeryToken]
public sealed class ErrorPageModel : PageModel
{
    /// <summary>Set for the layout when the page explains a database outage, so it reads nothing from the database.</summary>
    public const string DatabaseDown = "DatabaseDown";

    [BindProperty(SupportsGet = true)] public int? Code { get; set; }

    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? Back { get; private set; }

    /// <summary>A write refused because the member has not confirmed their address: the page offers to resend the mail.</summary>
    public bool ConfirmFirst => HttpContext.Items.ContainsKey(Members.UnconfirmedWrites.RefusedItem);

    public IActionResult OnGet() => Show();
    public IActionResult OnPost() => Show();
    public IActionResult OnPut() => Show();
    public IActionResult OnDelete() => Show();

    private PageResult Show()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Status = failed is not null ? ExceptionAnswers.StatusFor(failed.Error) ?? 500
            : reExecuted is not null ? reExecuted.OriginalStatusCode
            : Code is >= 400 and < 600 ? Code.Value : 404;
        (Heading, Explanation) = ConfirmFirst
            ? ("Bevestig eerst je e-mailadres", "Open de link in de mail die we je stuurden toen je je aanmeldde. Tot dan kun je alles lezen, " +
               "maar nog geen leervraag stellen, doorvragen, antwoorden, meedoen in een coalitie, iets melden of collega's uitnodigen.")
            : Texts(Status);
        Response.StatusCode = Status;
        if (Status == StatusCodes.Status503ServiceUnavailable)
        {
            ExceptionAnswers.AddRetryAfter(Response);
            ViewData[DatabaseDown] = true;
        }
        var referer = Request.Headers.Referer.ToString();
        Back = Uri.TryCreate(referer, UriKind.Absolute, out var from) && from.Host == Request.Host.Host ? from.PathAndQuery : null;
        return Page();
    }

    public static (string Heading, string Explanation) Texts(int status) => status switch
    {
        400 => ("Dit formulier kwam niet goed aan",
            "Misschien stond de pagina te lang open of kwam het formulier onvolledig aan. Ga terug, laad de pagina opnieuw en probeer het nog eens."),
        401 => ("Log eerst in", "Deze pagina is alleen voor leden. Log in en probeer het opnieuw."),
        403 => ("Geen toegang", "Deze pagina of actie is niet voor jouw rol. Denk je dat dit niet klopt? Vraag het een beheerder."),
        404 => ("Deze pagina bestaat niet", "Misschien is de link oud of zit er een tikfout in. Een vraag die is ingetrokken of samengevoegd blijft wel te lezen."),
        405 => ("Dat kan hier niet", "Deze pagina kan dat niet doen. Ga terug en probeer het via de knoppen op de pagina."),
        409 => ("Dat lukte niet", "Iemand anders veranderde net hetzelfde. Laad de pagina opnieuw en probeer het nog eens."),
        413 => ("Dit is te veel tekst", "Wat je stuurde is groter dan het platform aanneemt. Maak de teksten korter en probeer het opnieuw."),
        429 => ("Even geduld", "Je deed dit heel vaak achter elkaar. Wacht even en probeer het dan opnieuw."),
        503 => ("Het platform is even niet bereikbaar",
            "Het platform kan zijn gegevens nu niet bereiken. Probeer het over een minuut opnieuw."),
        >= 500 => ("Er ging bij ons iets mis", "Het lag niet aan jou. Probeer het over een paar minuten opnieuw; lukt het dan nog niet, laat het een beheerder weten."),
        _ => ("Dat lukte niet", "Ga terug en probeer het opnieuw."),
    };
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace HetInitiatief.Errors;

/// <summary>
/// Problem details that the framework writes itself (a 401 from authentication, a 404 for an unknown API route, a
/// 500 from the exception handler) speak Dutch too, like the refusals the use cases give.
/// </summary>
public static class DutchProblemDetails
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Title == "Invalid JSON format")
        {
            TranslateUnreadableValue(problem);
            return;
        }
        // A refusal from a use case already has its Dutch title and detail; only the framework's own are filled in.
        if (problem.Detail is not null) return;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        (problem.Title, problem.Detail) = status switch
        {
            400 => ("Ongeldige invoer", "Het verzoek kon niet worden gelezen."),
            401 => ("Niet ingelogd", "Log in, of stuur een bearer-token mee (POST /api/auth/token)."),
            403 => ("Niet toegestaan", "Dit is niet toegestaan voor jouw rol."),
            404 => ("Niet gevonden", "Dit adres bestaat niet."),
            405 => ("Methode niet toegestaan", "Dit adres kent deze methode niet."),
            413 => ("Te groot", "Dit verzoek is te groot. Maak de teksten korter."),
            415 => ("Ongeldige invoer", "Stuur de gegevens als JSON (Content-Type: application/json)."),
            429 => ("Even geduld", "Te veel verzoeken achter elkaar. Probeer het zo opnieuw."),
            409 => ("Conflict", "Iemand anders veranderde dit tegelijk met jou. Probeer het opnieuw."),
            503 => ("Even niet bereikbaar", "Het platform is even niet bereikbaar. Probeer het over een minuut opnieuw."),
            >= 500 => ("Serverfout", "Er ging bij ons iets mis. Probeer het later opnieuw."),
            _ => ("Dat lukte niet", "Het verzoek kon niet worden verwerkt."),
        };
    }

    /// <summary>
    /// A value the JSON binder could not read (a date like "gisteren", a word where a number or a list belongs): the
    /// binder names the path and the .NET type it wanted, which a member must not see; this names the field in Dutch
    /// like every other validation error.
    /// </summary>
    private static void TranslateUnreadableValue(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        var detail = problem.Detail ?? "";
        var path = Regex.Match(detail, @"Path: \$\.?(?<path>[^ |]*)").Groups["path"].Value;
        var field = path.Length == 0 ? "body" : path;
        var wanted = Regex.Match(detail, @"converted to (?<type>[^ ]+?)\. Path").Groups["type"].Value;
        var reason = wanted switch
        {
            _ when wanted.StartsWith("System.DateTime", StringComparison.Ordinal) || wanted.StartsWith("System.DateOnly", StringComparison.Ordinal)
                => "Vul een datum in, zoals 2027-03-15 of 2027-03-15T19:30:00+01:00.",
            _ when wanted.StartsWith("System.Guid", StringComparison.Ordinal) => "Vul een geldig id in (een GUID).",
            _ when wanted.StartsWith("System.Int", StringComparison.Ordinal) || wanted.StartsWith("System.Decimal", StringComparison.Ordinal)
                => "Vul een getal in.",
            _ when wanted.StartsWith("System.Boolean", StringComparison.Ordinal) => "Vul true of false in.",
            _ when wanted.Contains("List`1", StringComparison.Ordinal) || wanted.EndsWith("[]", StringComparison.Ordinal)
                => "Stuur hier een lijst, zoals [\"a\", \"b\"].",
            _ when wanted.StartsWith("System.String", StringComparison.Ordinal) => "Stuur hier tekst.",
            _ => "Deze waarde heeft niet de goede vorm.",
        };
        problem.Title = "Ongeldige invoer";
        problem.Type = "https://httpstatuses.io/400";
        problem.Detail = path.Length == 0 ? "Het verzoek kon niet worden gelezen als JSON." : reason;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail] };
    }
}

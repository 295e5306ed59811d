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
            415 => ("Ongeldige invoer", "Stuur de gegevens als JSON (Content-Type: application/json)."),
            429 => ("Even geduld", "Te veel verzoeken achter elkaar. Probeer het zo opnieuw."),
            >= 500 => ("Serverfout", "Er ging bij ons iets mis. Probeer het later opnieuw."),
            _ => ("Dat lukte niet", "Het verzoek kon niet worden verwerkt."),
        };
    }
}

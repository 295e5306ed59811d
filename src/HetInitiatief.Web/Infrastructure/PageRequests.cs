namespace HetInitiatief.Infrastructure;

/// <summary>
/// A person's browser asks for pages; programs ask the JSON API and the live hubs. The two get their refusals
/// and errors in their own form: a Dutch page in the site's layout, or RFC 7807 problem details. A calendar app
/// fetching its feed (<c>/agenda/{token}.ics</c>) is a program too.
/// </summary>
public static class PageRequests
{
    public const string ErrorPath = "/fout";

    public static bool Is(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs") &&
        !request.Path.StartsWithSegments("/openapi") && !request.Path.StartsWithSegments("/health") &&
        !request.Path.StartsWithSegments("/agenda");

    /// <summary>Errors of page requests render the Dutch error page; the API keeps answering problem+json.</summary>
    public static void UseErrorPages(this WebApplication app)
    {
        app.UseWhen(context => Is(context.Request), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPath, SuppressDiagnosticsCallback = Errors.ExceptionAnswers.IsExpected,
            });
            pages.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}");
        });
        app.UseWhen(context => !Is(context.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = Errors.ExceptionAnswers.IsExpected });
            api.UseStatusCodePages();
        });
    }
}

namespace HetInitiatief.Infrastructure;

/// <summary>
/// Why a request was refused: the HTTP status, a Dutch explanation for the member, and the fields
/// at fault. Rendered as RFC 7807 problem details by the API and as form errors by the pages.
/// </summary>
public sealed record Problem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>A URI that names this kind of refusal, for clients that act on it; by default the status's description.</summary>
    public string? Type { get; init; }

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "Ongeldige invoer", "Niet alle velden zijn goed ingevuld.", errors);

    public static Problem Invalid(string field, string reason) =>
        new(400, "Ongeldige invoer", reason, Field(field, reason));

    public static Problem Unauthorized(string detail) => new(401, "Niet ingelogd", detail, NoFields);

    public static Problem Forbidden(string detail) => new(403, "Niet toegestaan", detail, NoFields);

    public static Problem NotFound(string detail) => new(404, "Niet gevonden", detail, NoFields);

    /// <summary>Something that existed and is gone for good: a used or expired link.</summary>
    public static Problem Gone(string detail, string field) => new(410, "Niet meer geldig", detail, Field(field, detail));

    public static Problem TooManyRequests(string detail) => new(429, "Even geduld", detail, NoFields);

    public static Problem Conflict(string detail, string? field = null) =>
        new(409, "Conflict", detail, field is null ? NoFields : Field(field, detail));

    public IResult ToResult()
    {
        var details = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(Errors.ToDictionary())
        {
            Status = Status,
            Title = Title,
            Detail = Detail,
            Type = Type ?? $"https://httpstatuses.io/{Status}",
        };
        return Results.Problem(details);
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();

    private static Dictionary<string, string[]> Field(string field, string reason) => new() { [field] = [reason] };
}

/// <summary>Either what a command produced, or why it was refused.</summary>
public sealed record Outcome<T>
{
    public T? Value { get; private init; }
    public Problem? Problem { get; private init; }

    public static implicit operator Outcome<T>(T value) => new() { Value = value };

    public Outcome<TOut> Map<TOut>(Func<T, TOut> map) => Problem is { } problem ? problem : map(Value!);
    public static implicit operator Outcome<T>(Problem problem) => new() { Problem = problem };
}

using System.Text;
using System.Text.Json;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// Input no use case can take is refused before any of them sees it, with a Dutch 400 naming the field:
/// a JSON body that is <c>null</c> (the command would be null in every handler), and a NUL character
/// (<c>\u0000</c>) in any text, which PostgreSQL cannot store in text or jsonb. Pages get the Dutch error page.
/// </summary>
public static class RequestBodies
{
    public const string NulRefusal = "Tekst mag geen NUL-teken (\\u0000) bevatten.";
    public const string NullBodyRefusal = "Stuur een JSON-object met de velden van dit verzoek, geen null.";

    public static void UseRequestBodyChecks(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (await RefusalAsync(context.Request) is { } refused)
        {
            if (PageRequests.Is(context.Request)) context.Response.StatusCode = refused.Status;
            else await refused.ToResult().ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static async Task<Problem?> RefusalAsync(HttpRequest request)
    {
        if (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true || request.Path.Value?.Contains('\0') == true)
            return Problem.Invalid("query", NulRefusal);
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method)) return null;

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try { form = await request.ReadFormAsync(); }
            catch (InvalidDataException) { return null; } // too large or malformed: the framework answers that itself
            var field = form.FirstOrDefault(f => f.Value.Any(v => v?.Contains('\0') == true)).Key;
            return field is null ? null : Problem.Invalid(field, NulRefusal);
        }
        if (request.HasJsonContentType())
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            request.Body.Position = 0;
            return JsonRefusal(body);
        }
        return null;
    }

    /// <summary>What is wrong with a JSON body before it is bound; malformed JSON is left to the binder.</summary>
    public static Problem? JsonRefusal(string body)
    {
        if (body.Trim() == "null") return Problem.Invalid("body", NullBodyRefusal);
        if (!body.Contains("\\u0000", StringComparison.OrdinalIgnoreCase) && !body.Contains('\0')) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return FieldWithNul(document.RootElement, "") is { } field ? Problem.Invalid(field, NulRefusal) : null;
        }
        catch (JsonException)
        {
            return Problem.Invalid("body", NulRefusal);
        }
    }

    private static string? FieldWithNul(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String when element.GetString()!.Contains('\0') => path.Length == 0 ? "body" : path,
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => p.Name.Contains('\0') ? Join(path, "body") : FieldWithNul(p.Value, Join(path, p.Name)))
            .FirstOrDefault(f => f is not null),
        JsonValueKind.Array => element.EnumerateArray().Select((e, i) => FieldWithNul(e, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}

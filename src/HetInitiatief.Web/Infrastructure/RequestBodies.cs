using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// Input no use case can take is refused before any of them sees it, with a Dutch 400 naming the field:
/// a JSON body that is <c>null</c> (the command would be null in every handler), a list holding <c>null</c> (every
/// handler reads its items as values), and a NUL character (<c>\u0000</c>) in any text, which PostgreSQL cannot store
/// in text or jsonb. A body larger than any form of the platform needs is a 413 before it is read into memory.
/// Pages get the Dutch error page.
/// </summary>
public static class RequestBodies
{
    public const string NulRefusal = "Tekst mag geen NUL-teken (\\u0000) bevatten.";
    public const string NullBodyRefusal = "Stuur een JSON-object met de velden van dit verzoek, geen null.";
    public const string NullItemRefusal = "Een lijst mag geen lege waarden (null) bevatten.";

    /// <summary>The longest text a form takes is a few thousand characters; 256 kB leaves room for every field at once.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// A feature's file upload: a multipart body to these paths may be up to <paramref name="MaxBytes"/>, and a larger
    /// one is refused with the feature's own problem (naming its file field) instead of <see cref="TooLarge"/>.
    /// </summary>
    public sealed record Upload(Func<PathString, bool> Applies, long MaxBytes, Problem TooLarge);

    public static readonly Problem TooLarge = new(413, "Te groot",
        $"Dit verzoek is groter dan {MaxBodyBytes / 1024} kB. Maak de teksten korter.", new Dictionary<string, string[]>());

    public static void UseRequestBodyChecks(this WebApplication app) => app.Use(async (context, next) =>
    {
        // The error page, run again for a refused request, shows the refusal instead of repeating it.
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ||
                         context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        if (!reExecuted && await RefusalAsync(context.Request) is { } refused)
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
        // Only a file upload gets more room, and only on the paths its feature named.
        var upload = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
            ? request.HttpContext.RequestServices.GetServices<Upload>().FirstOrDefault(u => u.Applies(request.Path))
            : null;
        var (maxBytes, tooLarge) = upload is null ? (MaxBodyBytes, TooLarge) : (upload.MaxBytes, upload.TooLarge);
        if (request.ContentLength > maxBytes) return tooLarge;
        // A body sent in chunks has no length up front; the server stops reading it at the limit instead.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;

        try
        {
            return await ContentRefusalAsync(request);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
    }

    private static async Task<Problem?> ContentRefusalAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try { form = await request.ReadFormAsync(); }
            catch (InvalidDataException) { return Problem.Invalid("body", "Het formulier kon niet worden gelezen."); }
            var field = form.FirstOrDefault(f => f.Value.Any(v => v?.Contains('\0') == true)).Key;
            return field is null ? null : Problem.Invalid(field, NulRefusal);
        }
        if (request.HasJsonContentType())
        {
            request.EnableBuffering(bufferThreshold: 30 * 1024, bufferLimit: MaxBodyBytes);
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            string body;
            try { body = await reader.ReadToEndAsync(); }
            catch (BadHttpRequestException e) when (e.StatusCode != StatusCodes.Status413PayloadTooLarge)
            {
                return Problem.Invalid("body", "Het verzoek kwam niet volledig aan.");
            }
            catch (IOException) { return TooLarge; } // the server's limit, or the buffer's, reached by a body sent in chunks
            request.Body.Position = 0;
            return JsonRefusal(body);
        }
        return null;
    }

    /// <summary>What is wrong with a JSON body before it is bound; malformed JSON is left to the binder.</summary>
    public static Problem? JsonRefusal(string body)
    {
        if (body.Trim() == "null") return Problem.Invalid("body", NullBodyRefusal);
        var nul = body.Contains("\\u0000", StringComparison.OrdinalIgnoreCase) || body.Contains('\0');
        // Only a body that mentions null at all can hold a null item; most bodies are not parsed twice.
        if (!nul && !body.Contains("null", StringComparison.Ordinal)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (nul && FieldWithNul(document.RootElement, "") is { } field) return Problem.Invalid(field, NulRefusal);
            return ListWithNull(document.RootElement, "") is { } list ? Problem.Invalid(list, NullItemRefusal) : null;
        }
        catch (JsonException)
        {
            return nul ? Problem.Invalid("body", NulRefusal) : null;
        }
    }

    private static string? ListWithNull(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Array when element.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Null) => path.Length == 0 ? "body" : path,
        JsonValueKind.Array => element.EnumerateArray().Select((e, i) => ListWithNull(e, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        JsonValueKind.Object => element.EnumerateObject().Select(p => ListWithNull(p.Value, Join(path, p.Name))).FirstOrDefault(f => f is not null),
        _ => null,
    };

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

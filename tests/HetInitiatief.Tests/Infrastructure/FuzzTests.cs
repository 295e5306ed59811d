using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Malformed requests to every operation of the OpenAPI document — anonymously, as a member and (where an operation
/// can refuse a role) as an admin — on a platform of its own, so that what the requests happen to change touches no
/// other test. Not one may answer a 5xx, and every refusal is Dutch problem details.
/// </summary>
public sealed class FuzzTests(AppFixture app)
{
    /// <summary>Titles the framework writes in English when a refusal escapes the Dutch problem details.</summary>
    private static readonly string[] EnglishTitles =
        ["Bad Request", "Unauthorized", "Forbidden", "Not Found", "Unsupported Media Type", "Payload Too Large", "An error occurred", "Invalid JSON format"];

    [Fact]
    public async Task Every_operation_answers_malformed_requests_with_a_Dutch_problem_and_never_a_5xx()
    {
        await using var platform = await FuzzPlatform.StartAsync(app.ConnectionString);
        var document = JsonNode.Parse(await platform.Http.GetStringAsync("/openapi/v1.json"))!;
        var operations = Operations(document).ToList();
        var openToAnyone = await OpenToAnyoneAsync(platform, operations, document);
        var requests = operations.SelectMany(operation => Requests(operation, document, platform, openToAnyone.Contains(operation))).ToList();

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
        {
            if (await FailureAsync(platform.Http, request, ct) is { } failure) failures.Add(failure);
        });

        // The whole list, for whoever has to work through it; the assertion shows the first few.
        var report = Path.Combine(AppContext.BaseDirectory, "TestResults", "fuzz-failures.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        await File.WriteAllLinesAsync(report, [$"{failures.Count} of {requests.Count} requests failed", .. failures.Order()]);
        operations.Count.ShouldBeGreaterThan(100);
        openToAnyone.Count.ShouldBeGreaterThan(3);
        failures.ShouldBeEmpty($"{failures.Count} of {requests.Count} requests failed:\n" + string.Join("\n", failures.Order().Take(40)));
    }

    private sealed record Operation(string Method, string Path, JsonObject Spec)
    {
        public bool CanRefuseARole => Spec["responses"]?["403"] is not null;
        public JsonNode? BodySchema => Spec["requestBody"]?["content"]?["application/json"]?["schema"];
        public IEnumerable<JsonNode> Parameters(string location) =>
            (Spec["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == location)!;
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>One request to send: who sends it, where, and with which body and content type.</summary>
    private sealed record FuzzRequest(Operation Operation, string? Token, string Url, string Case, byte[]? Body, string? ContentType);

    private sealed record BodyCase(string Name, byte[]? Body, string? ContentType);

    private static IEnumerable<Operation> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key != "parameters")
            .Select(o => new Operation(o.Key.ToUpperInvariant(), path.Key, o.Value!.AsObject())));

    /// <summary>The operations that answer an anonymous caller with more than a 401: their bodies matter to anyone.</summary>
    private static async Task<HashSet<Operation>> OpenToAnyoneAsync(FuzzPlatform platform, IEnumerable<Operation> operations, JsonNode document)
    {
        var open = new ConcurrentBag<Operation>();
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, ct) =>
        {
            var plausible = Shapes(operation, document, platform).First();
            using var message = Message(new FuzzRequest(operation, null, Url(operation, platform.RealRouteValue, PlausibleQuery(operation)),
                plausible.Name, plausible.Body, plausible.ContentType));
            using var response = await platform.Http.SendAsync(message, ct);
            if ((int)response.StatusCode != 401) open.Add(operation);
        });
        return [.. open];
    }

    private static IEnumerable<FuzzRequest> Requests(Operation operation, JsonNode document, FuzzPlatform platform, bool openToAnyone)
    {
        var realUrl = Url(operation, platform.RealRouteValue, PlausibleQuery(operation));
        var shapes = Shapes(operation, document, platform).ToList();
        var fields = Fields(operation, document, platform).ToList();
        string?[] callers = operation.CanRefuseARole ? [null, platform.Member.Token, platform.Admin.Token] : [null, platform.Member.Token];
        foreach (var token in callers)
        {
            // A caller refused for not being signed in is refused before the body is read: its shapes are enough.
            var cases = token is not null || openToAnyone ? shapes.Concat(fields) : shapes;
            foreach (var (name, body, contentType) in cases)
                yield return new FuzzRequest(operation, token, realUrl, name, body, contentType);

            var plausible = shapes[0];
            foreach (var (name, value) in GarbageRouteValues(operation, platform))
                yield return new FuzzRequest(operation, token, Url(operation, (_, _) => value, ""), $"route {name}", plausible.Body, plausible.ContentType);

            foreach (var (name, query) in GarbageQueries(operation))
                yield return new FuzzRequest(operation, token, Url(operation, platform.RealRouteValue, query), $"query {name}", null, null);
        }
    }

    private static string Url(Operation operation, Func<string, string, string> routeValue, string query)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters("path"))
        {
            var name = parameter["name"]!.GetValue<string>();
            path = path.Replace("{" + name + "}", routeValue(operation.Path, name));
        }
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    private static string PlausibleQuery(Operation operation) => string.Join("&", operation.Parameters("query")
        .Select(p => $"{p["name"]}={PlausibleQueryValue(p["name"]!.GetValue<string>())}"));

    private static string PlausibleQueryValue(string name) => name switch
    {
        "page" => "1",
        "week" => "2026-W47",
        "at" => "2026-11-25T14:30:00Z",
        "theme" or "themes" => "taal-en-lezen",
        "sector" => "po",
        "format" => "fysiek",
        "status" => "open",
        _ => "woorden",
    };

    private static IEnumerable<(string Name, string Value)> GarbageRouteValues(Operation operation, FuzzPlatform platform) =>
        !operation.Parameters("path").Any() ? [] :
        [
            ("unknown id", Guid.NewGuid().ToString()),
            ("empty guid", Guid.Empty.ToString()),
            ("not a guid", "geen-guid"),
            ("NUL", "a%00b"),
            ("long", new string('x', 2000)),
            ("quote and traversal", "%27%20or%201%3D1--..%2F..%2Fetc"),
            ("unicode", Uri.EscapeDataString("vraag-ü-😀")),
            ("a member's id where another id belongs", platform.Member.Id.ToString()),
        ];

    private static IEnumerable<(string Name, string Query)> GarbageQueries(Operation operation)
    {
        var names = operation.Parameters("query").Select(p => p["name"]!.GetValue<string>()).ToList();
        foreach (var name in names)
        {
            foreach (var (label, value) in new[]
                     {
                         ("invalid date", "gisteren"), ("impossible date", "2026-02-30T25:61:00Z"), ("week 99", "2026-W99"),
                         ("not a guid", "geen-guid"), ("NUL", "a%00b"), ("negative", "-1"), ("huge", "99999999999999999999"),
                         ("long", new string('x', 4000)), ("empty", ""), ("brackets", "%5B%5D"), ("unicode", Uri.EscapeDataString("ü😀")),
                     })
                yield return ($"{name} {label}", $"{name}={value}");
            yield return ($"{name} twice", $"{name}=a&{name}=b");
        }
        if (names.Count > 0) yield return ("unknown parameter", "onbekend=1");
    }

    private const string Json = "application/json";

    /// <summary>Whole bodies of every shape; the first is a plausible one, also sent to garbage route values.</summary>
    private static IEnumerable<BodyCase> Shapes(Operation operation, JsonNode document, FuzzPlatform platform)
    {
        if (operation.BodySchema is null)
        {
            yield return new("no body", null, null);
            if (operation.Method == "GET") yield break;
            yield return new("null", Utf8("null"), Json);
            yield return new("malformed", Utf8("{\"title\": "), Json);
            yield return new("text/plain", Utf8("tekst"), "text/plain");
            yield return new("1 MB string", Utf8(JsonSerializer.Serialize(new { title = new string('a', 1 << 20) })), Json);
            yield break;
        }
        var valid = Plausible(operation, document, platform).ToJsonString();
        yield return new("plausible", Utf8(valid), Json);
        yield return new("null", Utf8("null"), Json);
        yield return new("empty body", [], Json);
        yield return new("no body", null, null);
        yield return new("malformed", Utf8("{\"title\": "), Json);
        yield return new("not UTF-8", [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d], Json);
        yield return new("text/plain", Utf8(valid), "text/plain");
        yield return new("form", Utf8("title=x&email=a%40b.nl"), "application/x-www-form-urlencoded");
        yield return new("multipart", Utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"), "multipart/form-data; boundary=x");
        yield return new("JSON without content type", Utf8(valid), null);
        yield return new("xml", Utf8("<vraag/>"), "application/xml");
        foreach (var top in new[] { "123", "\"tekst\"", "true", "[]", "[{}]", "{}" })
            yield return new($"top-level {top}", Utf8(top), Json);
        yield return new("deeply nested arrays", Utf8(new string('[', 10_000) + new string(']', 10_000)), Json);
        yield return new("deeply nested objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), Json);
        yield return new("1 MB string", Utf8(JsonSerializer.Serialize(new { title = new string('a', 1 << 20) })), Json);
        yield return new("1 MB of whitespace", Utf8(new string(' ', 1 << 20) + "{}"), Json);
    }

    /// <summary>A plausible body with one thing wrong: extra properties, or one field of the wrong type or form.</summary>
    private static IEnumerable<BodyCase> Fields(Operation operation, JsonNode document, FuzzPlatform platform)
    {
        if (operation.BodySchema is null) yield break;
        var valid = Plausible(operation, document, platform);
        var extra = valid.DeepClone().AsObject();
        extra["onbekend"] = 1;
        extra["__proto__"] = new JsonObject { ["isAdmin"] = true };
        extra["roles"] = new JsonArray("admin");
        yield return new("extra properties", Utf8(extra.ToJsonString()), Json);

        if (Resolve(operation.BodySchema, document)["properties"] is not JsonObject properties) yield break;
        foreach (var (name, propertySchema) in properties)
        {
            foreach (var (label, value) in WrongValues(Resolve(propertySchema!, document)))
                yield return new($"{name} {label}", Utf8(With(valid, name, value)), Json);
            yield return new($"{name} nested 60 deep", Utf8(With(valid, name, new string('[', 60) + new string(']', 60))), Json);
            yield return new($"{name} nested 10,000 deep", Utf8(With(valid, name, new string('[', 10_000) + new string(']', 10_000))), Json);
        }
        var allText = valid.DeepClone().AsObject();
        foreach (var (name, propertySchema) in properties)
            if (Kind(Resolve(propertySchema!, document)) == "string") allText[name] = new string('x', 100_000);
        yield return new("100 KB in every text", Utf8(allText.ToJsonString()), Json);
    }

    private static JsonObject Plausible(Operation operation, JsonNode document, FuzzPlatform platform) =>
        PlausibleValue(Resolve(operation.BodySchema!, document), document, "", platform)!.AsObject();

    /// <summary>The body with one property's value replaced by raw JSON text (which may be what no JSON writer writes).</summary>
    private static string With(JsonObject body, string property, string rawValue)
    {
        var copy = body.DeepClone().AsObject();
        copy[property] = "\u0001placeholder";
        return copy.ToJsonString().Replace("\"\\u0001placeholder\"", rawValue);
    }

    private static IEnumerable<(string Label, string Value)> WrongValues(JsonNode schema)
    {
        var kind = Kind(schema);
        var format = schema["format"]?.GetValue<string>();
        if (kind != "string") yield return ("as text", "\"tekst\"");
        if (kind is not ("integer" or "number")) yield return ("as number", "42");
        if (kind != "boolean") yield return ("as boolean", "true");
        if (kind != "array") yield return ("as array", "[\"a\", 1]");
        if (kind != "object") yield return ("as object", "{\"a\": 1}");
        yield return ("null", "null");
        switch (kind, format)
        {
            case ("string", "date-time" or "date"):
                yield return ("invalid date", "\"gisteren\"");
                yield return ("impossible date", "\"2027-02-30T25:61:00Z\"");
                yield return ("year 0", "\"0000-01-01T00:00:00Z\"");
                yield return ("far future", "\"9999-12-31T23:59:59Z\"");
                break;
            case ("string", "uuid"):
                yield return ("not a guid", "\"geen-guid\"");
                yield return ("empty guid", $"\"{Guid.Empty}\"");
                yield return ("unknown guid", $"\"{Guid.NewGuid()}\"");
                break;
            case ("string", _):
                yield return ("NUL", "\"a\\u0000b\"");
                yield return ("empty", "\"\"");
                yield return ("lone surrogate", "\"\\ud800\"");
                yield return ("control characters", "\"\\u0001\\u001b[31m\\u007f\"");
                yield return ("markup", "\"<script>alert(1)</script>\"");
                break;
            case ("integer" or "number", _):
                yield return ("too big", "1e40");
                yield return ("fraction", "3.5");
                yield return ("below int32", "-2147483649");
                yield return ("negative", "-1");
                yield return ("number as text", "\"12\"");
                break;
            case ("array", _):
                yield return ("array of nulls", "[null, null]");
                yield return ("array of garbage", "[\"a\\u0000\", {}, -1]");
                yield return ("array of 10,000", "[" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"{i}\"")) + "]");
                break;
            case ("object", _):
                yield return ("object with NUL key", "{\"a\\u0000\": \"b\"}");
                yield return ("object of garbage", "{\"x\": [], \"y\": null}");
                break;
        }
    }

    private static string Kind(JsonNode schema)
    {
        var types = schema["type"] switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => schema["oneOf"] is not null || schema["$ref"] is not null ? ["object"] : ["string"],
        };
        foreach (var kind in new[] { "integer", "number", "boolean", "array", "object" })
            if (types.Contains(kind)) return kind;
        return "string";
    }

    private static JsonNode Resolve(JsonNode schema, JsonNode document)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return Resolve(document["components"]!["schemas"]![reference.Split('/').Last()]!, document);
        if (schema["oneOf"] is JsonArray options && options.FirstOrDefault(o => o!["$ref"] is not null) is { } referenced)
            return Resolve(referenced, document);
        return schema;
    }

    /// <summary>A value of the right type, pointing at real resources where the name says which.</summary>
    private static JsonNode? PlausibleValue(JsonNode schema, JsonNode document, string name, FuzzPlatform platform)
    {
        schema = Resolve(schema, document);
        var format = schema["format"]?.GetValue<string>();
        return (Kind(schema), format) switch
        {
            ("integer" or "number", _) => JsonValue.Create(1),
            // False, so that no plausible body confirms what cannot be undone (deleting the account).
            ("boolean", _) => JsonValue.Create(false),
            ("array", _) => schema["items"] is { } items ? new JsonArray(PlausibleValue(items, document, name, platform)) : new JsonArray(),
            ("object", _) when schema["properties"] is JsonObject properties => new JsonObject(properties.Select(p =>
                KeyValuePair.Create(p.Key, PlausibleValue(p.Value!, document, p.Key, platform)))),
            ("object", _) => new JsonObject { ["closed"] = "inApp" },
            ("string", "uuid") => JsonValue.Create(platform.RealId(name)),
            ("string", "date-time") => JsonValue.Create(DateTimeOffset.UtcNow.AddDays(14)),
            ("string", "date") => JsonValue.Create(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd")),
            _ => JsonValue.Create(PlausibleText(name)),
        };
    }

    private static string PlausibleText(string name) => name.ToLowerInvariant() switch
    {
        "email" => $"{Guid.NewGuid():N}@school.example",
        "password" => Api.Password,
        "sector" => "po",
        "themes" or "theme" => "taal-en-lezen",
        "type" => "werkplaats",
        "format" => "fysiek",
        "role" => "provider",
        "contenttype" => "question",
        _ => "Een gewone tekst van een leraar.",
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static HttpRequestMessage Message(FuzzRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
        if (request.Token is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = request.ContentType is null ? null : MediaTypeHeaderValue.Parse(request.ContentType);
        }
        return message;
    }

    private static async Task<string?> FailureAsync(HttpClient http, FuzzRequest request, CancellationToken ct)
    {
        using var message = Message(request);
        var who = request.Token is null ? "anonymous" : "signed in";
        var what = $"{request.Operation} ({request.Case}, {who}, {request.Url[..Math.Min(request.Url.Length, 90)]})";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, ct);
        }
        catch (HttpRequestException e)
        {
            return $"{what}: no answer ({e.Message})";
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            // Kestrel refuses a path holding a NUL character (%00) while parsing the request line, before the app
            // runs, with an empty 400 and a closed connection; nothing of the platform can answer it in Dutch.
            if (status == 400 && request.Url.Contains("%00") && text.Length == 0 && !response.Headers.Contains("Content-Security-Policy"))
                return null;
            if (status >= 500) return $"{what}: {status} {text[..Math.Min(text.Length, 300)]}";
            if (status < 400) return null;
            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (contentType != "application/problem+json") return $"{what}: {status} as {contentType ?? "no content type"}";
            var title = JsonNode.Parse(text)?["title"]?.GetValue<string>();
            if (title is null || EnglishTitles.Contains(title) || text.Contains("HetInitiatief.") || text.Contains("System."))
                return $"{what}: {status} not in Dutch: {text[..Math.Min(text.Length, 300)]}";
            return null;
        }
    }

    /// <summary>The platform on a database of its own, with a member, an admin and real resources to aim at.</summary>
    private sealed class FuzzPlatform : IAsyncDisposable
    {
        private readonly WebServer _server;
        private readonly Dictionary<string, string> _ids = [];

        private FuzzPlatform(WebServer server)
        {
            _server = server;
            Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        }

        public HttpClient Http { get; }
        public TestMember Member { get; private set; } = null!;
        public TestMember Admin { get; private set; } = null!;
        public TestMember Other { get; private set; } = null!;

        public static async Task<FuzzPlatform> StartAsync(string sharedConnectionString)
        {
            var database = $"fuzz_{Guid.NewGuid():N}";
            var admin = new NpgsqlConnectionStringBuilder(sharedConnectionString) { Database = "postgres", Pooling = false };
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"create database {database}", connection);
                await create.ExecuteNonQueryAsync();
            }
            var adminEmail = $"beheer-{Guid.NewGuid():N}@school.example";
            var server = await WebServer.StartAsync(new NpgsqlConnectionStringBuilder(sharedConnectionString) { Database = database }.ConnectionString,
                new Dictionary<string, string?>
                {
                    ["Platform:AdminEmails"] = adminEmail,
                    ["Mail:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), database),
                });
            var platform = new FuzzPlatform(server) { Outbox = Path.Combine(Path.GetTempPath(), database) };
            await platform.GivenResourcesAsync(adminEmail);
            return platform;
        }

        /// <summary>A route value of a resource that exists, chosen by the kind of resource the path names.</summary>
        public string RealRouteValue(string path, string parameter) => parameter switch
        {
            "followUpId" => _ids["followUp"],
            "code" when path.Contains("sectors") => "po",
            "code" => "taal-en-lezen",
            "role" => "provider",
            "token" when path.StartsWith("/agenda") => _ids["calendar"],
            "token" => _ids["invite"],
            _ when path.StartsWith("/api/coalitions") => _ids["coalition"],
            _ when path.StartsWith("/api/sessions") => _ids["session"],
            _ when path.StartsWith("/api/proposals") => _ids["proposal"],
            _ when path.StartsWith("/api/memberships") => _ids["membership"],
            _ when path.StartsWith("/api/members") => Other.Id.ToString(),
            _ => _ids["question"],
        };

        public string RealId(string property) => property.ToLowerInvariant() switch
        {
            var p when p.Contains("question") || p.Contains("content") => _ids["question"],
            var p when p.Contains("coalition") => _ids["coalition"],
            var p when p.Contains("session") => _ids["session"],
            var p when p.Contains("member") || p == "commentby" || p == "attended" => Other.Id.ToString(),
            _ => Guid.NewGuid().ToString(),
        };

        /// <summary>Its own outbox folder: the fuzz test's mail (to made-up addresses) stays out of the run's.</summary>
        public required string Outbox { get; init; }

        private async Task GivenResourcesAsync(string adminEmail)
        {
            Admin = await RegisterAsync(adminEmail);
            Member = await RegisterAsync($"{Guid.NewGuid():N}@school.example");
            Other = await RegisterAsync($"{Guid.NewGuid():N}@school.example");

            var question = await PostAsync<JsonObject>(Member, "/api/questions", QuestionSteps.AQuestion());
            _ids["question"] = question["questionId"]!.ToString();
            var followUp = await PostAsync<JsonObject>(Other, $"/api/questions/{_ids["question"]}/follow-ups", new { text = "Welke woorden kies je nu?" });
            _ids["followUp"] = followUp["followUpId"]!.ToString();
            var coalition = await PostAsync<JsonObject>(Member, $"/api/questions/{_ids["question"]}/coalition",
                new { threshold = 3, invitation = "Wat gaan we samen leren? Woorden die blijven hangen." });
            _ids["coalition"] = coalition["coalitionId"]!.ToString();
            foreach (var joiner in new[] { Other, Admin })
                await PostAsync<JsonObject>(joiner, $"/api/coalitions/{_ids["coalition"]}/members", new { contribution = "Ik wil dit ook leren." });
            await SendAsync(Other, HttpMethod.Put, "/api/me/offering", new { themes = new[] { "taal-en-lezen" }, offering = "Ik geef graag een werkplaats." });
            var proposal = await PostAsync<JsonObject>(Other, $"/api/coalitions/{_ids["coalition"]}/proposals", new
            {
                title = "Werkplaats woorden die blijven", outcome = "Je ontwerpt een les waarin woorden terugkomen.",
                type = "werkplaats", format = "fysiek", proposedDates = "14 januari",
            });
            _ids["proposal"] = proposal["proposalId"]!.ToString();
            var session = await PostAsync<JsonObject>(Member, "/api/sessions", SessionSteps.ASession());
            _ids["session"] = session["sessionId"]!.ToString();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var membership = await PostAsync<JsonObject>(Admin, "/api/memberships", new { memberId = Other.Id, from = today, until = today.AddDays(365) });
            _ids["membership"] = membership["id"]!.ToString();
            var invite = await PostAsync<JsonObject>(Member, "/api/invites", new { email = $"{Guid.NewGuid():N}@school.example" });
            _ids["invite"] = invite["link"]!.ToString().Split("uitnodiging=")[1];
            var calendar = await PostAsync<JsonObject>(Member, "/api/me/calendar-feed", new { });
            _ids["calendar"] = calendar["url"]!.ToString().Split("/agenda/")[1].Replace(".ics", "");
        }

        private async Task<TestMember> RegisterAsync(string email)
        {
            var name = $"Lid {Guid.NewGuid().ToString()[..8]}";
            var since = ConfirmationMail.Before();
            (await Http.PostAsJsonAsync("/api/members", new { name, email, password = Api.Password, school = "De Regenboog", sector = "po" }))
                .EnsureSuccessStatusCode();
            // Confirmed, as a member who writes for others must be (and the admin's role waits for it).
            await Api.ConfirmEmailAsync(Http, email, since, Outbox);
            var token = (await (await Http.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password })).Content.ReadFromJsonAsync<Api.TokenResponse>())!;
            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new("Bearer", token.AccessToken) } };
            var profile = (await (await Http.SendAsync(me)).Content.ReadFromJsonAsync<Api.MeResponse>())!;
            return new TestMember(profile.Id, name, email, Api.Password, token.AccessToken);
        }

        private async Task<T> PostAsync<T>(TestMember caller, string url, object body) =>
            (await (await SendAsync(caller, HttpMethod.Post, url, body)).Content.ReadFromJsonAsync<T>())!;

        private async Task<HttpResponseMessage> SendAsync(TestMember caller, HttpMethod method, string url, object body)
        {
            using var message = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body), Headers = { Authorization = new("Bearer", caller.Token) } };
            var response = await Http.SendAsync(message);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Setting up: {method} {url} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _server.DisposeAsync();
        }
    }
}

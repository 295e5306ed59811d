using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// The refusals an endpoint documents besides the 401 every members-only endpoint can answer: one list per command,
/// read by the reply types (<see cref="ApiDocs.Describe"/>). Each is problem+json.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefusesAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}

/// <summary>
/// The format of the file a <see cref="Download"/> answers with, and its schema when it has one, for OpenAPI.
/// (Not MVC's <c>[Produces]</c>: that would claim the format for the problem responses too.)
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileFormatAttribute(string contentType, Type? schema = null) : Attribute
{
    public string ContentType { get; } = contentType;
    public Type? Schema { get; } = schema;
}

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/api/docs</c>). What each endpoint
/// answers comes from its reply type (<see cref="Reply"/>); its group is its feature; a bearer token from
/// <c>POST /api/auth/token</c> signs the reference page's requests in.
/// </summary>
public static class ApiDocs
{
    public const string BearerScheme = "Bearer";

    private static readonly string[] ProblemJson = ["application/problem+json"];

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (context.Document is { } document && !metadata.OfType<IAllowAnonymous>().Any())
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = Bearer;
                var bearer = new OpenApiSecuritySchemeReference(BearerScheme, document);
                operation.Security = [new OpenApiSecurityRequirement { [bearer] = [] }];
            }
            return Task.CompletedTask;
        }));

    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options
                .WithTitle("Het Initiatief API")
                .AddPreferredSecuritySchemes(BearerScheme))
            .AllowAnonymous();
    }

    private static readonly OpenApiSecurityScheme Bearer = new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "The accessToken from POST /api/auth/token (your e-mail address and password).",
    };

    /// <summary>
    /// An endpoint's responses for OpenAPI: its successes; a 401 unless anyone may call it (the platform's fallback
    /// policy asks for a signed-in member); a 403 where a policy asks for a role; the refusals its
    /// <see cref="RefusesAttribute"/> lists. Its tag is its feature, the last part of its namespace
    /// (<c>HetInitiatief.Coalitions</c>: Coalitions).
    /// </summary>
    public static void Describe(MethodInfo method, EndpointBuilder builder, params (int Status, Type? Body)[] successes)
    {
        builder.Metadata.Add(new TagsAttribute(Feature(method)));
        foreach (var (status, body) in successes)
        {
            builder.Metadata.Add(body is null
                ? new ProducesResponseTypeMetadata(status)
                : new ProducesResponseTypeMetadata(status, body, ["application/json"]));
        }

        var refusals = method.GetCustomAttribute<RefusesAttribute>()?.Statuses ?? [];
        if (!IsOpenToAnyone(method)) refusals = [401, .. refusals];
        if (method.GetCustomAttributes().OfType<IAuthorizeData>().Any(a => a.Policy is not null)) refusals = [403, .. refusals];
        foreach (var status in refusals.Distinct().Order())
        {
            builder.Metadata.Add(
                new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), ProblemJson));
        }
    }

    private static string Feature(MethodInfo method) => method.DeclaringType!.Namespace!.Split('.')[^1];

    private static bool IsOpenToAnyone(MethodInfo method) =>
        method.GetCustomAttributes().Concat(method.DeclaringType!.GetCustomAttributes())
            .OfType<IAllowAnonymous>().Any();
}

using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// What an endpoint answers: its success, or the <see cref="Problem"/> that refused it as problem+json. Each kind
/// writes itself (Wolverine.Http runs a returned <see cref="IResult"/>) and describes itself to OpenAPI (Wolverine asks
/// a returned <see cref="IEndpointMetadataProvider"/> for the endpoint's responses instead of assuming a 200 and a
/// 404), so an endpoint's return type is its success contract and <see cref="RefusesAttribute"/> its refusals.
/// The writing is ASP.NET Core's own <see cref="Results"/>, so bodies, headers and JSON settings are the framework's.
/// </summary>
public abstract class Reply(IResult result) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => result.ExecuteAsync(httpContext);
}

/// <summary>200 with the value as JSON, or a problem.</summary>
public sealed class Answer<T> : Reply, IEndpointMetadataProvider
{
    private Answer(IResult result) : base(result) { }

    public static implicit operator Answer<T>(T value) => new(Results.Ok(value));

    public static implicit operator Answer<T>(Problem problem) => new(problem.ToResult());

    /// <summary>A 200 that ASP.NET Core writes itself, such as the bearer token a sign-in issues.</summary>
    public static Answer<T> WrittenBy(IResult result) => new(result);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiDocs.Describe(method, builder, (200, typeof(T)));
}

/// <summary>201 with the new resource's address in <c>Location</c> and the value as JSON, or a problem.</summary>
public sealed class Created<T> : Reply, IEndpointMetadataProvider
{
    private Created(IResult result) : base(result) { }

    public static Created<T> At(string location, T value) => new(Results.Created(location, value));

    public static implicit operator Created<T>(Problem problem) => new(problem.ToResult());

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiDocs.Describe(method, builder, (201, typeof(T)));
}

/// <summary>
/// A write that adds the member to something (a coalition, a session, a question's followers): 201 with the address
/// when it added them, 200 with the same body when they were there already, or a problem.
/// </summary>
public sealed class Added<T> : Reply, IEndpointMetadataProvider
{
    private Added(IResult result) : base(result) { }

    public static Added<T> At(string location, T value, bool added) =>
        new(added ? Results.Created(location, value) : Results.Ok(value));

    public static implicit operator Added<T>(Problem problem) => new(problem.ToResult());

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiDocs.Describe(method, builder, (201, typeof(T)), (200, typeof(T)));
}

/// <summary>202: the work is queued; <c>Location</c> says where to watch it, the body what. Or a problem.</summary>
public sealed class Accepted<T> : Reply, IEndpointMetadataProvider
{
    private Accepted(IResult result) : base(result) { }

    public static Accepted<T> At(string location, T value) => new(Results.Accepted(location, value));

    public static implicit operator Accepted<T>(Problem problem) => new(problem.ToResult());

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiDocs.Describe(method, builder, (202, typeof(T)));
}

/// <summary>202 without a body: the request is taken on (a mail will be sent), or a problem.</summary>
public sealed class Accepted : Reply, IEndpointMetadataProvider
{
    private Accepted(IResult result) : base(result) { }

    public static readonly Accepted Empty = new(Results.Accepted());

    public static Accepted Unless(Problem? problem) => problem is null ? Empty : problem;

    public static Accepted<T> At<T>(string location, T value) => Accepted<T>.At(location, value);

    public static implicit operator Accepted(Problem problem) => new(problem.ToResult());

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiDocs.Describe(method, builder, (202, null));
}

/// <summary>204: done, nothing to say; or a problem.</summary>
public sealed class Done : Reply, IEndpointMetadataProvider
{
    private Done(IResult result) : base(result) { }

    public static readonly Done Instance = new(Results.NoContent());

    public static Done Unless(Problem? problem) => problem is null ? Instance : problem;

    public static implicit operator Done(Problem problem) => new(problem.ToResult());

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiDocs.Describe(method, builder, (204, null));
}

/// <summary>
/// 200 with a file or text in a format of its own (CSV, PDF, iCalendar, a JSON download), or a problem. The endpoint
/// names the format with <see cref="FileFormatAttribute"/>.
/// </summary>
public sealed class Download : Reply, IEndpointMetadataProvider
{
    private Download(IResult result) : base(result) { }

    public static Download File(byte[] contents, string contentType, string fileName) =>
        new(Results.File(contents, contentType, fileName));

    public static Download Text(string contents, string contentType) =>
        new(Results.Text(contents, contentType, System.Text.Encoding.UTF8));

    /// <summary>A bare 404, for addresses outside the API (a calendar feed): the web's own error page answers.</summary>
    public static readonly Download NotFound = new(Results.NotFound());

    public static implicit operator Download(Problem problem) => new(problem.ToResult());

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        if (method.GetCustomAttribute<FileFormatAttribute>() is { } format)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(200, format.Schema, [format.ContentType]));
        }
        ApiDocs.Describe(method, builder);
    }
}

/// <summary>
/// Builds replies with the type inferred from the value; also for lists, which C#'s conversions cannot take (no
/// user-defined conversion from an interface).
/// </summary>
public static class Answer
{
    public static Answer<T> Of<T>(T value) => Answer<T>.WrittenBy(Results.Ok(value));
}

public static class Created
{
    public static Created<T> At<T>(string location, T value) => Created<T>.At(location, value);
}

public static class Added
{
    public static Added<T> At<T>(string location, T value, bool added) => Added<T>.At(location, value, added);
}

/// <summary>Turns a use case's <see cref="Outcome{T}"/> into the reply its endpoint documents.</summary>
public static class OutcomeReplies
{
    public static Answer<T> Answer<T>(this Outcome<T> outcome) =>
        outcome.Problem is { } problem ? problem : Infrastructure.Answer.Of(outcome.Value!);

    public static Answer<TOut> Answer<T, TOut>(this Outcome<T> outcome, Func<T, TOut> view) =>
        outcome.Problem is { } problem ? problem : Infrastructure.Answer.Of(view(outcome.Value!));

    public static Created<T> Created<T>(this Outcome<T> outcome, Func<T, string> location) =>
        outcome.Created(location, value => value);

    public static Created<TOut> Created<T, TOut>(this Outcome<T> outcome, Func<T, string> location, Func<T, TOut> view) =>
        outcome.Problem is { } problem
            ? problem
            : Infrastructure.Created<TOut>.At(location(outcome.Value!), view(outcome.Value!));

    public static Added<T> Added<T>(this Outcome<T> outcome, string location, Func<T, bool> added) =>
        outcome.Problem is { } problem
            ? problem
            : Infrastructure.Added<T>.At(location, outcome.Value!, added(outcome.Value!));

    public static Accepted<T> Accepted<T>(this Outcome<T> outcome, string location) =>
        outcome.Problem is { } problem ? problem : Infrastructure.Accepted<T>.At(location, outcome.Value!);

    public static Done Done<T>(this Outcome<T> outcome) =>
        outcome.Problem is { } problem ? problem : Infrastructure.Done.Instance;
}

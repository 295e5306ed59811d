using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace HetInitiatief.Members;

/// <summary>
/// What a member may do before confirming their address, on an endpoint, a page or a hub method: everything that
/// only concerns themselves (their profile, settings, signing out, leaving). On a page, <c>handlers</c> names the
/// handlers allowed ("" for the plain post); none named means all of them.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowUnconfirmedAttribute(params string[] handlers) : Attribute
{
    public IReadOnlyList<string> Handlers { get; } = handlers;

    public bool Allows(string? handler) => Handlers.Count == 0 || Handlers.Contains(handler ?? "", StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Whether a member confirmed their address. A confirmation is never taken back, so a "yes" is kept for the life
/// of the process and costs one lookup per member; a "no" is asked again each time, so it turns the moment they confirm.
/// </summary>
public sealed class ConfirmedMembers(IDocumentStore store)
{
    private readonly ConcurrentDictionary<Guid, bool> _confirmed = new();

    public async Task<bool> IsConfirmedAsync(Guid memberId, CancellationToken ct)
    {
        if (_confirmed.ContainsKey(memberId)) return true;
        await using var session = store.QuerySession();
        if ((await session.LoadAsync<MemberProfile>(memberId, ct))?.EmailConfirmedAt is null) return false;
        _confirmed.TryAdd(memberId, true);
        return true;
    }
}

/// <summary>
/// Until a member confirmed their address they read, but write nothing others see: no question, follow-up, answer,
/// coalition, flag, invite, offer or session. One check for every way in — the API, the pages and the live hub —
/// and closed by default: a write is refused unless its endpoint, page handler or hub method says
/// <see cref="AllowUnconfirmedAttribute"/>. Reading (GET, HEAD) is never held back.
/// </summary>
public static class UnconfirmedWrites
{
    /// <summary>Names this refusal for clients; it is the page that explains it and resends the mail.</summary>
    public const string ProblemType = EmailConfirmation.PagePath;

    /// <summary>Set on a refused page request, so the error page it is re-executed to shows the way out.</summary>
    public const string RefusedItem = "UnconfirmedWriteRefused";

    public static readonly Problem Refusal = new(403, "E-mailadres nog niet bevestigd",
        "Bevestig eerst je e-mailadres: open de link in de mail die we je stuurden. Tot dan kun je alles lezen, maar nog niets " +
        "plaatsen, meedoen, melden of uitnodigen. Geen mail gekregen? Vraag een nieuwe aan (POST /api/me/confirmation, of op " +
        "de pagina " + EmailConfirmation.PagePath + ").", new Dictionary<string, string[]>())
    {
        Type = ProblemType,
    };

    public static void UseConfirmedWrites(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.IsSignedIn() && !Allowed(context)
            && !await context.RequestServices.GetRequiredService<ConfirmedMembers>().IsConfirmedAsync(context.User.MemberId(), context.RequestAborted))
        {
            if (PageRequests.Is(context.Request))
            {
                context.Items[RefusedItem] = true;
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await Refusal.ToResult().ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool Allowed(HttpContext context)
    {
        // No endpoint: the framework answers 404 or 405 itself, and nothing is written.
        if (context.GetEndpoint() is not { } endpoint) return true;
        if (endpoint.Metadata.GetMetadata<AllowUnconfirmedAttribute>() is not { } allow) return false;
        var handler = context.Request.RouteValues["handler"]?.ToString() ?? context.Request.Query["handler"].FirstOrDefault();
        return allow.Allows(handler);
    }
}

/// <summary>The same rule for the live hub's methods: watching is allowed, anything else waits for the confirmation.</summary>
public sealed class ConfirmedHubWrites(ConfirmedMembers confirmed) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!invocation.HubMethod.IsDefined(typeof(AllowUnconfirmedAttribute), inherit: true)
            && invocation.Context.User?.IsSignedIn() == true
            && !await confirmed.IsConfirmedAsync(invocation.Context.User.MemberId(), invocation.Context.ConnectionAborted))
        {
            throw new HubException(UnconfirmedWrites.Refusal.Detail);
        }
        return await next(invocation);
    }
}

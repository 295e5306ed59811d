using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HetInitiatief.Infrastructure;

/// <summary>How many times something may be done, and over how long the allowance fills up again.</summary>
public sealed class Limit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }

    public Limit()
    {
    }

    public Limit(int permitLimit, TimeSpan window) => (PermitLimit, Window) = (permitLimit, window);
}

/// <summary>
/// The settings under <c>RateLimits</c>, each a <see cref="Limit"/> per client: for inviting, flagging and posting a
/// signed-in member is one client wherever they are; for registering, signing in and resetting a password the client
/// is the address. A whole school sits behind one address, so the anonymous
/// limits are sized for a staff room registering and signing in within the same ten minutes.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public Limit Registration { get; set; } = new(300, TimeSpan.FromMinutes(10));
    public Limit SignIn { get; set; } = new(600, TimeSpan.FromMinutes(10));
    public Limit PasswordReset { get; set; } = new(100, TimeSpan.FromMinutes(10));
    public Limit Invites { get; set; } = new(100, TimeSpan.FromHours(1));
    public Limit Flags { get; set; } = new(30, TimeSpan.FromMinutes(10));
    public Limit Posting { get; set; } = new(30, TimeSpan.FromMinutes(10));

    public IEnumerable<(string Name, Limit Limit)> All() =>
    [
        (nameof(Registration), Registration), (nameof(SignIn), SignIn), (nameof(PasswordReset), PasswordReset),
        (nameof(Invites), Invites), (nameof(Flags), Flags), (nameof(Posting), Posting),
    ];
}

/// <summary>
/// ASP.NET Core's rate limiter in front of what a script would repeat: registering, signing in, asking for tokens
/// and password resets, inviting, flagging and posting. Each limit is a token bucket per client that holds
/// <see cref="Limit.PermitLimit"/> and fills up again evenly over <see cref="Limit.Window"/>. A refusal is a 429 with
/// <c>Retry-After</c>: a Dutch problem for the API, the Dutch error page for a form. The sign-in lockout per e-mail
/// address (<see cref="Members.SignInAttempts"/>) stays as well.
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// What is limited: a POST to a route (and, for a page with several forms, one handler), which limit, and whether
    /// per member. Signing in, registering and resetting a password count per address even with a cookie, or every
    /// account an attacker holds would bring a fresh allowance.
    /// </summary>
    public sealed record Rule(string Route, string? Handler, string Limit, bool PerMember = false);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("/api/members", null, nameof(RateLimitSettings.Registration)),
        new("/registreren", null, nameof(RateLimitSettings.Registration)),
        new("/api/auth/token", null, nameof(RateLimitSettings.SignIn)),
        new("/api/auth/sign-in", null, nameof(RateLimitSettings.SignIn)),
        new("/inloggen", null, nameof(RateLimitSettings.SignIn)),
        // Changing the password checks the current one, which would otherwise be a way to guess it.
        new("/api/me/password", null, nameof(RateLimitSettings.SignIn), PerMember: true),
        new("/profiel", "Password", nameof(RateLimitSettings.SignIn), PerMember: true),
        new("/api/auth/password-reset", null, nameof(RateLimitSettings.PasswordReset)),
        new("/api/auth/password-reset/confirm", null, nameof(RateLimitSettings.PasswordReset)),
        new("/wachtwoord-vergeten", null, nameof(RateLimitSettings.PasswordReset)),
        new("/wachtwoord-herstellen", null, nameof(RateLimitSettings.PasswordReset)),
        new("/api/invites", null, nameof(RateLimitSettings.Invites), PerMember: true),
        new("/uitnodigen", null, nameof(RateLimitSettings.Invites), PerMember: true),
        new("/api/flags", null, nameof(RateLimitSettings.Flags), PerMember: true),
        new("/vragen/{id:guid}", "Flag", nameof(RateLimitSettings.Flags), PerMember: true),
        new("/api/questions", null, nameof(RateLimitSettings.Posting), PerMember: true),
        new("/api/questions/{id}/follow-ups", null, nameof(RateLimitSettings.Posting), PerMember: true),
        new("/vragen/nieuw", null, nameof(RateLimitSettings.Posting), PerMember: true),
        new("/vragen/{id:guid}", "FollowUp", nameof(RateLimitSettings.Posting), PerMember: true),
    ];

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitSettings>, SettingsCheck>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var limits = settings.Value.All().ToDictionary(l => l.Name, l => l.Limit);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RuleFor(context) is { } rule
                    ? RateLimitPartition.GetTokenBucketLimiter($"{rule.Limit}|{Client(context, rule)}", _ => Bucket(limits[rule.Limit]))
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RefuseAsync;
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>For what members do: the member (a school's colleagues share an address, not an allowance); else the address.</summary>
    public static string Client(HttpContext context, Rule rule) =>
        rule.PerMember && context.User.IsSignedIn()
            ? $"member:{context.User.MemberId()}"
            : $"address:{context.Connection.RemoteIpAddress}";

    public static Rule? RuleFor(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint() is not RouteEndpoint endpoint) return null;
        var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
        var handler = context.Request.Query["handler"].ToString();
        return Rules.FirstOrDefault(r => string.Equals(r.Route, route, StringComparison.OrdinalIgnoreCase) &&
                                         (r.Handler is null || string.Equals(r.Handler, handler, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A limit the platform cannot honour stops start-up, naming the setting; there is no "0 means off".</summary>
    private sealed class SettingsCheck : IValidateOptions<RateLimitSettings>
    {
        public ValidateOptionsResult Validate(string? name, RateLimitSettings settings)
        {
            var failures = settings.All().SelectMany(l => new[]
            {
                l.Limit.PermitLimit < 1
                    ? $"{RateLimitSettings.Section}:{l.Name}:PermitLimit must be at least 1 (it is {l.Limit.PermitLimit})." : null,
                l.Limit.Window < TimeSpan.FromSeconds(1)
                    ? $"{RateLimitSettings.Section}:{l.Name}:Window must be at least 00:00:01 (it is {l.Limit.Window})." : null,
            }).OfType<string>().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }

    private static TokenBucketRateLimiterOptions Bucket(Limit limit) => new()
    {
        TokenLimit = limit.PermitLimit,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = limit.Window / limit.PermitLimit,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A form gets the Dutch error page for 429 from the status code pages; the API a problem.
        if (PageRequests.Is(context.Request)) return;
        await Problem.TooManyRequests($"Je deed dit te vaak achter elkaar. Probeer het over {Duration(seconds)} opnieuw.")
            .ToResult().ExecuteAsync(context);
    }

    private static string Duration(int seconds) => seconds switch
    {
        1 => "een seconde",
        < 90 => $"{seconds} seconden",
        _ => $"{(int)Math.Ceiling(seconds / 60.0)} minuten",
    };
}

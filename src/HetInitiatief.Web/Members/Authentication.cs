using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HetInitiatief.Members;

/// <summary>
/// Browsers sign in with a cookie, API clients with a bearer token, and the live hub accepts both
/// (browsers cannot set headers on a WebSocket, so the hub also reads the token from the query string).
/// Both carry the member's session stamp and are refused once it is renewed (<see cref="SessionStamps"/>).
/// </summary>
public static class Authentication
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;
    private const string CookieOrBearer = "CookieOrBearer";

    public static WebApplicationBuilder AddMemberAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPasswordHasher<MemberLogin>, PasswordHasher<MemberLogin>>();
        builder.Services.AddSingleton(PlatformAdmins.From(builder.Configuration["Platform:AdminEmails"]));
        builder.Services.AddSingleton<SessionStamps>();
        builder.Services.AddSingleton<Marten.IConfigureMarten, SessionStampsConfiguration>();
        builder.Services
            .AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, "Cookie of bearer token", options =>
                options.ForwardDefaultSelector = context => UsesBearer(context.Request) ? Bearer : Cookie)
            .AddCookie(Cookie, options =>
            {
                options.LoginPath = "/inloggen";
                options.LogoutPath = "/uitloggen";
                options.AccessDeniedPath = "/";
                options.Cookie.Name = "het-initiatief";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                // API callers get a status code, not a redirect to the sign-in page.
                options.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = async context =>
                {
                    var http = context.HttpContext;
                    if (context.Principal is null || await Stamps(http).IsCurrentAsync(context.Principal, http.RequestAborted)) return;
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Cookie);
                };
            })
            .AddBearerToken(Bearer, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(8);
                options.Events.OnMessageReceived = async context =>
                {
                    if (context.Request.Path.StartsWithSegments("/hubs") &&
                        context.Request.Query.TryGetValue("access_token", out var token))
                    {
                        context.Token = token;
                    }
                    // The handler has no event after it reads the token, so the stamp is checked here (reading it twice).
                    var presented = context.Token ?? BearerOf(context.Request);
                    if (presented is not null && context.Options.BearerTokenProtector.Unprotect(presented)?.Principal is { } principal &&
                        !await Stamps(context.HttpContext).IsCurrentAsync(principal, context.HttpContext.RequestAborted))
                    {
                        context.Fail("This session was ended (password changed or signed out everywhere).");
                    }
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddRolePolicies();
        return builder;
    }

    /// <param name="stamp">The member's current session stamp (<see cref="SessionStamps"/>); a new member has none.</param>
    public static ClaimsPrincipal Principal(MemberProfile member, string scheme, string stamp = "") =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, member.Id.ToString()),
                new Claim(ClaimTypes.Name, member.Name),
                new Claim(ClaimTypes.Email, member.Email),
                .. stamp.Length > 0 ? [new Claim(SessionStamps.ClaimType, stamp)] : Array.Empty<Claim>(),
            ],
            scheme));

    /// <summary>Whether the request was signed in with the web app's cookie (as opposed to a bearer token).</summary>
    public static bool ByCookie(ClaimsPrincipal user) => user.Identity?.AuthenticationType == Cookie;

    private static SessionStamps Stamps(HttpContext context) => context.RequestServices.GetRequiredService<SessionStamps>();

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static bool UsesBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
        (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token"));

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Infrastructure.PageRequests.Is(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

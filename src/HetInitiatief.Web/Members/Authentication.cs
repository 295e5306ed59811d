using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HetInitiatief.Members;

/// <summary>
/// Browsers sign in with a cookie, API clients with a bearer token, and the live hub accepts both
/// (browsers cannot set headers on a WebSocket, so the hub also reads the token from the query string).
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
        builder.Services.AddSingleton(Network.NetworkSettings.From(builder.Configuration));
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
            })
            .AddBearerToken(Bearer, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(8);
                options.Events.OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/hubs") &&
                        context.Request.Query.TryGetValue("access_token", out var token))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    public static ClaimsPrincipal Principal(MemberProfile member, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, member.Id.ToString()),
                new Claim(ClaimTypes.Name, member.Name),
                new Claim(ClaimTypes.Email, member.Email),
            ],
            scheme));

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

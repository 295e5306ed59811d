namespace HetInitiatief.Membership;

/// <summary>Tiers and the portfolio: their documents and the entitlements read from the settings.</summary>
public static class MembershipModule
{
    public static WebApplicationBuilder AddMembership(this WebApplicationBuilder builder)
    {
        builder.Services.AddMembership(builder.Configuration);
        return builder;
    }
}

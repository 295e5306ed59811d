namespace HetInitiatief.Members;

/// <summary>
/// Members: their profiles, signing in (cookie or bearer token) and the check that writes need a confirmed address.
/// </summary>
public static class MembersModule
{
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, MembersConfiguration>();
        builder.AddMemberAuthentication();
        builder.Services.AddSingleton<ConfirmedMembers>();
        return builder;
    }
}

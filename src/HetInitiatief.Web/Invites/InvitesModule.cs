namespace HetInitiatief.Invites;

/// <summary>Invites: their stream's snapshot (their news is the notifications', <c>InviteNews</c>).</summary>
public static class InvitesModule
{
    public static WebApplicationBuilder AddInvites(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, InvitesConfiguration>();
        return builder;
    }
}

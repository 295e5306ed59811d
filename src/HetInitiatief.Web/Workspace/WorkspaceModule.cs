using HetInitiatief.Live;

namespace HetInitiatief.Workspace;

/// <summary>Mijn werkplek: read from the other features' read models; it only adds its own live push.</summary>
public static class WorkspaceModule
{
    public static WebApplicationBuilder AddWorkspace(this WebApplicationBuilder builder)
    {
        builder.Services.AddPushes<WorkspacePush>();
        return builder;
    }
}

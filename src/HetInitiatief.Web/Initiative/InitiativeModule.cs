namespace HetInitiatief.Initiative;

/// <summary>The initiative's life after the first session: its timeline read model and its news.</summary>
public static class InitiativeModule
{
    public static WebApplicationBuilder AddInitiative(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, InitiativeConfiguration>();
        // Evidence files: the API's upload, and the question page's share form when a file comes with it.
        builder.Services.AddSingleton(new RequestBodies.Upload(
            path => path.StartsWithSegments("/api/coalitions") || path.StartsWithSegments("/vragen"),
            Kennisbank.Attachments.MaxFileBytes + 1024 * 1024, Kennisbank.Attachments.TooLarge));
        return builder;
    }
}

public sealed class InitiativeConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Inline: the question page shows the step a member just took.
        options.Projections.Snapshot<InitiativeTimeline>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        options.Schema.For<InitiativeTimeline>().Index(x => x.LastNewsAt);
    }
}

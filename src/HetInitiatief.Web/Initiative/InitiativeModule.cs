namespace HetInitiatief.Initiative;

/// <summary>The initiative's life after the first session: its timeline read model and its news.</summary>
public static class InitiativeModule
{
    public static WebApplicationBuilder AddInitiative(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, InitiativeConfiguration>();
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

using HetInitiatief.Live;
using JasperFx.Events.Projections;
using Wolverine;

namespace HetInitiatief.Coalitions;

/// <summary>Coalitions: their read models, their meter's live push and their durable deadlines.</summary>
public static class CoalitionsModule
{
    public static WebApplicationBuilder AddCoalitions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, CoalitionsConfiguration>();
        builder.Services.AddPushes<CoalitionPush>();
        builder.Services.AddDeadlines(ClosingDate.DeadlinesSetBy);
        builder.Services.ConfigureWolverine(options =>
        {
            options.PublishMessage<CloseCoalitionIfNotViable>().ToLocalQueue(LiveModule.DeadlineQueue);
            options.PublishMessage<RemindCoalitionClosing>().ToLocalQueue(LiveModule.DeadlineQueue);
        });
        return builder;
    }
}

public sealed class CoalitionsConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Single-stream and inline, like the question's read models: the meter is read straight after a join.
        options.Projections.Snapshot<CoalitionDetails>(SnapshotLifecycle.Inline);
        // A popular coalition's stream grows long (every join and leave); deciding on a stored snapshot
        // instead of replaying the whole stream keeps a join's cost flat (measured: docs/performance.md).
        options.Projections.Snapshot<Coalition>(SnapshotLifecycle.Inline);
        // A member's coalitions (werkplek, mijn coalities, member page) filter on Members containing them: without an
        // index on that very expression each of those reads scanned every coalition (docs/performance.md).
        options.Schema.For<CoalitionDetails>().Index(x => x.QuestionId).GinIndexJsonDataMember(x => x.Members);
    }
}

using HetInitiatief.Questions;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Wolverine;
using Wolverine.Runtime;

namespace HetInitiatief.Live;

/// <summary>The push message for a changed question: small and stable, so clients fetch what they show.</summary>
public sealed record QuestionChanged(Guid QuestionId, long Version, string Change)
{
    public const string Method = "questionChanged";

    public static QuestionChanged? From(IEvent e) => e.Data switch
    {
        QuestionPosted p => new(p.QuestionId, e.Version, "posted"),
        FollowUpAsked f => new(f.QuestionId, e.Version, "followUpAsked"),
        FollowUpAnswered a => new(a.QuestionId, e.Version, "followUpAnswered"),
        QuestionReformulated r => new(r.QuestionId, e.Version, "reformulated"),
        GoalSet g => new(g.QuestionId, e.Version, "goalSet"),
        QuestionWithdrawn w => new(w.QuestionId, e.Version, "withdrawn"),
        _ => null,
    };
}

/// <summary>
/// Hands every committed question event to Wolverine as a <see cref="QuestionChanged"/> message, right
/// after the commit: no polling, so watchers see it within milliseconds. Runs after the transaction,
/// so a failing push can never undo or fail the write.
/// </summary>
public sealed class QuestionChangeForwarder(IServiceProvider services, ILogger<QuestionChangeForwarder> logger) : DocumentSessionListenerBase
{
    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var changes = commit.GetEvents().Select(QuestionChanged.From).OfType<QuestionChanged>().ToList();
        if (changes.Count == 0) return;
        try
        {
            var bus = new MessageBus(services.GetRequiredService<IWolverineRuntime>());
            foreach (var change in changes) await bus.PublishAsync(change);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not hand {Count} question changes to the live push", changes.Count);
        }
    }
}

public static class QuestionChangedHandler
{
    public static Task Handle(QuestionChanged message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Groups(LiveHub.BoardGroup, LiveHub.QuestionGroup(message.QuestionId)).SendAsync(QuestionChanged.Method, message, ct);
}

public static class LivePush
{
    /// <summary>One push at a time, in commit order, so watchers see a question's changes in the order they happened.</summary>
    public static void AddLivePush(this WolverineOptions options) =>
        options.LocalQueueFor<QuestionChanged>().Sequential();
}

public sealed class LiveConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Listeners.Add(ActivatorUtilities.CreateInstance<QuestionChangeForwarder>(services));
}

using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wolverine.Runtime;

namespace HetInitiatief.Tests.DeadLetters;

public static class StuckMessages
{
    /// <summary>
    /// A follow-up on a question, delivered as usual; then a second copy of its news (its own id, so it tells the owner
    /// once more) moved to the dead letters the way Wolverine does when a handler gives up.
    /// </summary>
    public static async Task<(TestMember Owner, Guid Stuck)> AStuckFollowUpNewsAsync(this AppFixture app)
    {
        var owner = await app.Host.RegisterMemberAsync();
        var asker = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AUniqueQuestion());
        var followUp = await app.Host.AskFollowUpAsync(asker, question.QuestionId);
        (await app.Host.GetsNotifiedAsync(owner, NotificationKinds.FollowUpAsked)).ShouldBeTrue();

        var runtime = app.Host.Services.GetRequiredService<IWolverineRuntime>();
        var news = new QuestionNews(Guid.NewGuid(), question.QuestionId, QuestionNews.Asked, asker.Id, followUp.FollowUpId, DateTimeOffset.UtcNow);
        var envelope = runtime.RoutingFor(typeof(QuestionNews)).RouteForPublish(news, null).Single();
        envelope.Data = envelope.Serializer!.Write(envelope);
        await runtime.Storage.Inbox.MoveToDeadLetterStorageAsync(envelope, new InvalidOperationException("De handler gaf het op."));
        return (owner, envelope.Id);
    }
}

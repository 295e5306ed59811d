using HetInitiatief.Live;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Workspace;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Workspace;

/// <summary>The werkplek is live: whoever a change concerns gets a small "workspaceChanged" on their own connection.</summary>
public sealed class WorkspaceLiveTests(AppFixture app)
{
    [Fact]
    public async Task The_owners_open_workspace_receives_the_follow_up_live_and_the_asker_receives_the_answer()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        await using var ownerConnection = await ConnectAsync(owner);
        await using var colleagueConnection = await ConnectAsync(colleague);
        var ownerReceived = Inbox(ownerConnection);
        var colleagueReceived = Inbox(colleagueConnection);

        var followUp = await app.Host.AskFollowUpAsync(colleague, question.QuestionId);

        (await NextAsync(ownerReceived)).ShouldBe(new WorkspaceChanged(owner.Id, "followUpAsked"));
        (await app.Host.MyWorkspaceAsync(owner)).Waiting
            .ShouldContain(g => g.Items.Any(i => i.Link.EndsWith($"#vervolgvraag-{followUp.FollowUpId}")));

        await app.Host.AnswerFollowUpAsync(owner, question.QuestionId, followUp.FollowUpId,
            "Woorden uit de zaakvakken.");

        // Pushes keep commit order: the answer's push to the asker comes after anything the question sent her before.
        (await NextAsync(colleagueReceived)).ShouldBe(new WorkspaceChanged(colleague.Id, "followUpAnswered"));
        ownerReceived.Reader.TryRead(out var extra).ShouldBeFalse($"the owner got her own answer back: {extra}");
    }

    [Fact]
    public async Task The_members_of_a_coalition_hear_that_its_meter_moved_but_not_the_one_who_joined()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var joiner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 5);
        await using var ownerConnection = await ConnectAsync(owner);
        await using var joinerConnection = await ConnectAsync(joiner);
        var ownerReceived = Inbox(ownerConnection);
        var joinerReceived = Inbox(joinerConnection);

        await app.Host.JoinAsync(joiner, coalition.CoalitionId);

        (await NextAsync(ownerReceived)).ShouldBe(new WorkspaceChanged(owner.Id, "coalitionChanged"));
        // Commit order: once a later change for the joiner arrived, the join's would have too.
        await app.Host.AskFollowUpAsync(owner, (await app.Host.PostQuestionAsync(joiner)).QuestionId);
        (await NextAsync(joinerReceived)).Change.ShouldBe("followUpAsked");
    }

    private static System.Threading.Channels.Channel<WorkspaceChanged> Inbox(HubConnection connection)
    {
        var inbox = System.Threading.Channels.Channel.CreateUnbounded<WorkspaceChanged>();
        connection.On<WorkspaceChanged>(WorkspaceChanged.Method, change => inbox.Writer.TryWrite(change));
        return inbox;
    }

    private static async Task<WorkspaceChanged> NextAsync(System.Threading.Channels.Channel<WorkspaceChanged> inbox)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await inbox.Reader.ReadAsync(timeout.Token);
    }

    private async Task<HubConnection> ConnectAsync(TestMember member)
    {
        var connection = app.Host.LiveConnection(member.Token);
        await connection.StartAsync();
        return connection;
    }
}

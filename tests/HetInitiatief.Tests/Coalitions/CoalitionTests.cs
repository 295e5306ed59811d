using System.Net.Http.Json;
using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Coalitions;

public sealed class CoalitionTests(AppFixture app)
{
    [Fact]
    public async Task The_owner_forms_a_coalition_and_colleagues_join_it_by_position()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna");
        var partner = await app.Host.RegisterMemberAsync("Bram");
        var supplier = await app.Host.RegisterMemberAsync("Cas");
        var question = await app.Host.PostQuestionAsync(owner);

        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 4);
        await app.Host.JoinAsync(partner, formed.CoalitionId);
        await app.Host.JoinAsync(supplier, formed.CoalitionId, Positions.Supplier);

        var coalition = await app.Host.GetCoalitionAsync(owner, question.QuestionId);
        (coalition.Partners, coalition.Threshold, coalition.ThresholdReached).ShouldBe((2, 4, false));
        coalition.Initiator!.Name.ShouldBe("Anna");
        coalition.LastJoined!.Name.ShouldBe("Cas");
        coalition.Network.Single(g => g.Position == Positions.Partner).Members.Select(m => m.Member.Name).ShouldBe(["Bram"]);
        coalition.Network.Single(g => g.Position == Positions.Supplier).Members.Select(m => m.Member.Name).ShouldBe(["Cas"]);
    }

    [Fact]
    public async Task Forming_is_refused_for_others_twice_and_out_of_range()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.FormCoalitionRefusedAsync(colleague, question.QuestionId, 403);
        var invalid = await app.Host.FormCoalitionRefusedAsync(owner, question.QuestionId, 400, threshold: 41);
        (await invalid.ProblemAsync()).Errors!.Keys.ShouldBe(["threshold"]);
        await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 5);
        await app.Host.FormCoalitionRefusedAsync(owner, question.QuestionId, 409);
        await app.Host.FormCoalitionRefusedAsync(owner, Guid.NewGuid(), 404);
    }

    [Fact]
    public async Task Joining_twice_says_nothing_changed_and_leaving_twice_too()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId);

        await app.Host.JoinAsync(member, formed.CoalitionId);
        var again = await (await app.Host.JoinAsync(member, formed.CoalitionId, status: 200)).ReadAsJsonAsync<CoalitionWritten>();
        again!.Changed.ShouldBeFalse();
        again.Note!.ShouldContain("al mee");

        (await app.Host.LeaveAsync(member, formed.CoalitionId)).Changed.ShouldBeTrue();
        (await app.Host.LeaveAsync(member, formed.CoalitionId)).Changed.ShouldBeFalse();
        (await app.Host.GetCoalitionAsync(owner, question.QuestionId)).Partners.ShouldBe(1);
    }

    [Fact]
    public async Task A_coalition_of_a_withdrawn_question_takes_no_new_members_and_unknown_ones_are_404()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId);
        await app.Host.WithdrawAsync(owner, question.QuestionId);

        await app.Host.JoinAsync(member, formed.CoalitionId, status: 409);
        (await app.Host.GetCoalitionAsync(owner, question.QuestionId)).Status.ShouldBe(CoalitionStatus.Closed);
        await app.Host.JoinAsync(member, Guid.NewGuid(), status: 404);
        await app.Host.Scenario(x => { x.Get.Url($"/api/questions/{Guid.NewGuid()}/coalition"); x.As(member); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task A_member_changes_position_and_the_meter_follows()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId);
        await app.Host.JoinAsync(member, formed.CoalitionId, Positions.User);

        await app.Host.ChangePositionAsync(member, formed.CoalitionId, Positions.Partner);
        await app.Host.ChangePositionAsync(member, formed.CoalitionId, "chef", status: 400);

        (await app.Host.GetCoalitionAsync(owner, question.QuestionId)).Partners.ShouldBe(2);
    }

    [Fact]
    public async Task A_hundred_partners_joining_at_once_over_real_http_are_all_counted_and_the_milestone_is_recorded_once()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var members = await app.Host.RegisterMembersAsync(100);
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 40);
        await using var server = await WebServer.StartAsync(app.ConnectionString);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var statuses = await Task.WhenAll(members.Select(async m =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/coalitions/{formed.CoalitionId}/members")
            {
                Content = JsonContent.Create(new { position = "partner", contribution = "Ik doe mee." }),
                Headers = { Authorization = new("Bearer", m.Token) },
            };
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }));

        statuses.ShouldAllBe(s => s == 201);
        var coalition = await app.Host.GetCoalitionAsync(owner, question.QuestionId);
        coalition.Partners.ShouldBe(101);
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(formed.CoalitionId);
        events.Count(e => e.Data is MemberJoinedCoalition).ShouldBe(100);
        events.Count(e => e.Data is CoalitionThresholdReached).ShouldBe(1);
        var replayed = await session.Events.AggregateStreamAsync<CoalitionDetails>(formed.CoalitionId);
        var stored = await session.LoadAsync<CoalitionDetails>(formed.CoalitionId);
        replayed!.Members.Select(m => m.MemberId).ShouldBe(stored!.Members.Select(m => m.MemberId));
        (replayed.Partners, replayed.Version, replayed.ThresholdReachedAt).ShouldBe((stored.Partners, stored.Version, stored.ThresholdReachedAt));
    }

    [Fact]
    public async Task The_same_member_joining_from_two_requests_at_once_is_a_member_once()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            (await app.Host.JoinAsync(member, formed.CoalitionId, status: null)).Context.Response.StatusCode));

        statuses.Order().ShouldBe([200, 201]);
        var coalition = await app.Host.GetCoalitionAsync(owner, question.QuestionId);
        coalition.Network.SelectMany(g => g.Members).Count(m => m.Member.Id == member.Id).ShouldBe(1);
    }
}

using System.Net.Http.Json;
using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Coalitions;

/// <summary>Closing dates run on Wolverine's durable scheduled messages, so these tests wait for real time to pass.</summary>
public sealed class ClosingDateTests(AppFixture app)
{
    [Fact]
    public async Task A_coalition_below_its_threshold_closes_at_its_closing_date_and_its_members_are_told()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3, closesAt: DateTimeOffset.UtcNow.AddSeconds(6));
        await app.Host.JoinAsync(member, formed.CoalitionId);

        var closed = await Eventually.TrueAsync(async () => (await app.Host.GetCoalitionAsync(owner, question.QuestionId)).Status == CoalitionStatus.Closed);

        closed.ShouldBeTrue("the coalition should have closed at its closing date");
        (await app.Host.GetsNotifiedAsync(member, NotificationKinds.Closed)).ShouldBeTrue("the member should have been told");
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), formed.CoalitionId, status: 409);
    }

    [Fact]
    public async Task A_coalition_that_reached_its_threshold_just_before_does_not_close()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(6);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3, closesAt: closesAt);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), formed.CoalitionId);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), formed.CoalitionId);

        // A control coalition due at the same moment shows when the deadline has been handled.
        var control = await app.Host.PostQuestionAsync(owner);
        await app.Host.FormCoalitionAsync(owner, control.QuestionId, threshold: 3, closesAt: closesAt);
        (await Eventually.TrueAsync(async () => (await app.Host.GetCoalitionAsync(owner, control.QuestionId)).Status == CoalitionStatus.Closed)).ShouldBeTrue();

        var coalition = await app.Host.GetCoalitionAsync(owner, question.QuestionId);
        (coalition.Status, coalition.ThresholdReached).ShouldBe((CoalitionStatus.Open, true));
    }

    [Fact]
    public async Task The_initiator_extends_the_date_and_the_old_deadline_does_nothing()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(6);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3, closesAt: closesAt);
        await app.Host.JoinAsync(member, formed.CoalitionId);

        await app.Host.ExtendClosingDateAsync(member, formed.CoalitionId, closesAt.AddDays(7), status: 403);
        await app.Host.ExtendClosingDateAsync(owner, formed.CoalitionId, closesAt.AddSeconds(-1), status: 400);
        await app.Host.ExtendClosingDateAsync(owner, formed.CoalitionId, closesAt.AddDays(7));

        var control = await app.Host.PostQuestionAsync(owner);
        await app.Host.FormCoalitionAsync(owner, control.QuestionId, threshold: 3, closesAt: closesAt);
        (await Eventually.TrueAsync(async () => (await app.Host.GetCoalitionAsync(owner, control.QuestionId)).Status == CoalitionStatus.Closed)).ShouldBeTrue();
        var coalition = await app.Host.GetCoalitionAsync(owner, question.QuestionId);
        coalition.Status.ShouldBe(CoalitionStatus.Open);
        coalition.ClosesAt!.Value.ShouldBe(closesAt.AddDays(7), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Members_are_reminded_48_hours_before_the_closing_date()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3, closesAt: DateTimeOffset.UtcNow.Add(ClosingDate.ReminderBefore).AddSeconds(6));
        await app.Host.JoinAsync(member, formed.CoalitionId);

        (await app.Host.GetsNotifiedAsync(member, NotificationKinds.ClosingSoon)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(member)).Notifications.Single(n => n.Kind == NotificationKinds.ClosingSoon).Text
            .ShouldStartWith("Nog 48 uur: de coalitie rond");
    }

    [Fact]
    public async Task The_closing_date_survives_the_server_that_scheduled_it_stopping()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        // A second app instance schedules the deadline and is stopped before it is due.
        await using (var other = await WebServer.StartAsync(app.ConnectionString))
        {
            using var http = new HttpClient { BaseAddress = other.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", owner.Token);
            var response = await http.PostAsJsonAsync($"/api/questions/{question.QuestionId}/coalition",
                new { threshold = 3, closesAt = DateTimeOffset.UtcNow.AddSeconds(6), invitation = "Wat gaan we samen leren?" });
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        }

        (await Eventually.TrueAsync(async () => (await app.Host.GetCoalitionAsync(owner, question.QuestionId)).Status == CoalitionStatus.Closed))
            .ShouldBeTrue("the deadline stored by the stopped instance should still close the coalition");
    }

    [Fact]
    public async Task The_page_offers_a_later_closing_date_only_to_the_initiator_of_an_open_coalition()
    {
        // Given a coalition that closes next week, with a partner
        var owner = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, closesAt: DateTimeOffset.UtcNow.AddDays(7));
        await app.Host.JoinAsync(partner, formed.CoalitionId);

        // When each of them opens the question page, then only the initiator is offered the form
        (await QuestionPageAsync(owner, question.QuestionId)).ShouldContain("name=\"NewClosesAt\"");
        (await QuestionPageAsync(partner, question.QuestionId)).ShouldNotContain("name=\"NewClosesAt\"");

        // And once the question is withdrawn (which closes its coalition), not even the initiator
        await app.Host.WithdrawAsync(owner, question.QuestionId);
        (await QuestionPageAsync(owner, question.QuestionId)).ShouldNotContain("name=\"NewClosesAt\"");
    }

    private async Task<string> QuestionPageAsync(TestMember viewer, Guid questionId) =>
        await (await app.Host.Scenario(x => { x.Get.Url($"/vragen/{questionId}"); x.As(viewer); })).ReadAsTextAsync();
}

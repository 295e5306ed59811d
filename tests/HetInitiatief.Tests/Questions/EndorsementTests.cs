using Alba;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Questions;

public sealed class EndorsementTests(AppFixture app)
{
    private async Task<(TestMember Teacher, TestMember Leader, TestMember OtherLeader)> SchoolsAsync()
    {
        var school = $"Het Baken {Guid.NewGuid().ToString()[..6]}";
        var teacher = await app.Host.RegisterMemberAsync();
        var leader = await app.Host.RegisterMemberAsync("Lieke Leiding");
        var otherLeader = await app.Host.RegisterMemberAsync();
        await app.Host.WorksAtAsync(teacher, school);
        await app.Host.WorksAtAsync(leader, school.ToUpperInvariant() + " ");
        await app.Host.WorksAtAsync(otherLeader, $"Elders {Guid.NewGuid().ToString()[..6]}");
        var admin = await app.AdminAsync();
        await app.Host.GrantAsync(admin, leader, MemberRoles.SchoolLeader);
        await app.Host.GrantAsync(admin, otherLeader, MemberRoles.SchoolLeader);
        return (teacher, leader, otherLeader);
    }

    [Fact]
    public async Task A_school_leader_backs_the_question_of_a_member_of_their_own_school()
    {
        var (teacher, leader, _) = await SchoolsAsync();
        var question = await app.Host.PostQuestionAsync(teacher);

        await app.Host.EndorseQuestionAsync(leader, question.QuestionId);
        await app.Host.EndorseQuestionAsync(leader, question.QuestionId);

        var view = await app.Host.GetQuestionAsync(teacher, question.QuestionId);
        view.Endorsements.ShouldHaveSingleItem().Leader.Name.ShouldBe("Lieke Leiding");
        var page = await app.Host.Scenario(x => { x.Get.Url($"/vragen/{question.QuestionId}"); x.As(teacher); });
        (await page.ReadAsTextAsync()).ShouldContain("Mijn leidinggevende steunt dit");

        await app.Host.WithdrawEndorsementAsync(leader, question.QuestionId);
        (await app.Host.GetQuestionAsync(teacher, question.QuestionId)).Endorsements.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_school_leader_cannot_back_a_question_from_another_school_and_a_teacher_cannot_back_at_all()
    {
        var (teacher, _, otherLeader) = await SchoolsAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(teacher);

        var refused = await app.Host.EndorseQuestionAsync(otherLeader, question.QuestionId, status: 403);
        (await refused.ProblemAsync()).Detail.ShouldContain("eigen school");
        await app.Host.EndorseQuestionAsync(colleague, question.QuestionId, status: 403);
        await app.Host.EndorseQuestionAsync(otherLeader, Guid.NewGuid(), status: 404);
        (await app.Host.GetQuestionAsync(teacher, question.QuestionId)).Endorsements.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_school_leader_backs_a_coalition_their_school_takes_part_in_but_not_another()
    {
        var (teacher, leader, otherLeader) = await SchoolsAsync();
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId);

        await app.Host.EndorseCoalitionAsync(leader, coalition.CoalitionId, status: 403);
        await app.Host.JoinAsync(teacher, coalition.CoalitionId);
        await app.Host.EndorseCoalitionAsync(leader, coalition.CoalitionId);
        await app.Host.EndorseCoalitionAsync(otherLeader, coalition.CoalitionId, status: 403);

        var view = await app.Host.GetCoalitionAsync(owner, question.QuestionId);
        view.Endorsements.ShouldHaveSingleItem().School.ShouldStartWith("HET BAKEN");
    }
}

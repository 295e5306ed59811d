using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Members;

public sealed class ProfileDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static MemberProfile Member(string school = "De Regenboog", int? seat = null, params string[] roles) =>
        new(Guid.NewGuid(), "Lid", "lid@x.nl", school, "po", Now, Roles: roles, EarlyBirdSeat: seat);

    [Fact]
    public void A_profile_keeps_subjects_once_and_every_part_gets_an_audience()
    {
        var decision = EditProfileEndpoints.Decide(Member(), new UpdateProfile(" Het Baken ", "vo", ["Nederlands", "nederlands", " ", "Rekenen"], ["read"], "  ", null), Now);
        var updated = decision.Events.OfType<MemberProfileUpdated>().Single();
        (updated.School, updated.About).ShouldBe(("Het Baken", null));
        updated.Subjects.ShouldBe(["Nederlands", "Rekenen"]);
        updated.Visibility.Keys.ShouldBe(ProfileOptions.Parts.Keys, ignoreOrder: true);
        updated.Visibility.Values.ShouldAllBe(v => v == ProfileOptions.Members);
    }

    [Fact]
    public void Each_part_shows_to_the_audience_chosen_and_always_to_the_member()
    {
        var member = Member("Het Baken") with { Visibility = new Dictionary<string, string> { ["about"] = ProfileOptions.MySchool, ["activity"] = ProfileOptions.OnlyMe } };
        var colleague = Member(" het baken");
        var stranger = Member("Elders");
        (member.Shows("about", colleague), member.Shows("about", stranger), member.Shows("about", null)).ShouldBe((true, false, false));
        (member.Shows("activity", colleague), member.Shows("activity", member)).ShouldBe((false, true));
        member.Shows("subjects", stranger).ShouldBeTrue();
    }

    [Fact]
    public void Only_early_birds_choose_to_be_listed()
    {
        EditProfileEndpoints.DecideListing(Member(), true, Now).Refusal!.Status.ShouldBe(409);
        EditProfileEndpoints.DecideListing(Member(seat: 3), null, Now).Refusal!.Errors.Keys.ShouldBe(["listed"]);
        EditProfileEndpoints.DecideListing(Member(seat: 3), true, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<EarlyBirdListingChosen>();
        EditProfileEndpoints.DecideListing(Member(seat: 3) with { ListedAsEarlyBird = true }, true, Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_school_leader_backs_only_their_own_school_and_only_once()
    {
        var teacher = Member("De Regenboog");
        var leader = Member("de regenboog ", roles: MemberRoles.SchoolLeader);
        var question = Question.Create(new QuestionPosted(Guid.NewGuid(), teacher.Id, "T", "C", "W", "A", ["rekenen"], "po", Now));

        EndorseQuestionEndpoints.Decide(question, teacher, Member("De Regenboog"), true, Now).Refusal!.Status.ShouldBe(403);
        EndorseQuestionEndpoints.Decide(question, teacher, Member("Elders", roles: MemberRoles.SchoolLeader), true, Now).Refusal!.Detail.ShouldContain("eigen school");
        var endorsed = EndorseQuestionEndpoints.Decide(question, teacher, leader, true, Now).Events.OfType<QuestionEndorsed>().Single();
        EndorseQuestionEndpoints.Decide(question.Apply(endorsed), teacher, leader, true, Now).Events.ShouldBeEmpty();
        EndorseQuestionEndpoints.Decide(question.Apply(endorsed), teacher, leader, false, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<QuestionEndorsementWithdrawn>();
        Member("", roles: MemberRoles.SchoolLeader).SameSchool(Member("")).ShouldBeFalse();
    }
}

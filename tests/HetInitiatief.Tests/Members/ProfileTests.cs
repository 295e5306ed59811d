using Alba;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Members;

public sealed class ProfileTests(AppFixture app)
{
    private static object Who(string school, IReadOnlyDictionary<string, string>? visibility = null, params string[] learning) => new
    {
        school, sector = "vo", subjects = new[] { "Nederlands", "Geschiedenis" }, learningPreferences = learning.Length == 0 ? ["codesign", "observe"] : learning,
        about = "Ik geef al twaalf jaar les en ben nieuwsgierig naar lessen die blijven hangen.", visibility,
    };

    [Fact]
    public async Task A_profile_keeps_subjects_ways_of_learning_and_about_me()
    {
        var member = await app.Host.RegisterMemberAsync();
        var result = await app.Host.UpdateProfileAsync(member, Who("Het Baken"));
        var profile = await result.ReadAsJsonAsync<MemberProfile>();
        (profile!.School, profile.Sector, profile.About is not null).ShouldBe(("Het Baken", "vo", true));
        profile.Subjects.ShouldBe(["Nederlands", "Geschiedenis"]);
        profile.LearningPreferences.ShouldBe(["codesign", "observe"]);
        profile.Visibility!["about"].ShouldBe("members");
    }

    [Fact]
    public async Task Unknown_ways_of_learning_and_audiences_are_refused_field_by_field_and_nothing_changes()
    {
        var member = await app.Host.RegisterMemberAsync();
        var result = await app.Host.UpdateProfileAsync(member, Who("", new Dictionary<string,
            string> { ["about"] = "iedereen" }, "dansen"), status: 400);
        (await result.ProblemAsync()).Errors!.Keys.ShouldBe(["school", "learningPreferences", "visibility"], ignoreOrder: true);
        (await app.Host.ProfileOfAsync(member, member.Id)).School.ShouldBe("De Regenboog");
    }

    [Fact]
    public async Task Each_part_of_a_profile_shows_only_to_whom_the_member_chose()
    {
        // Given Iris shows her subjects to her own school only and her activity to nobody.
        var iris = await app.Host.RegisterMemberAsync("Iris Zicht");
        var colleague = await app.Host.RegisterMemberAsync();
        var stranger = await app.Host.RegisterMemberAsync();
        var school = $"Lyceum {Guid.NewGuid().ToString()[..6]}";
        await app.Host.UpdateProfileAsync(colleague, Who(school));
        await app.Host.UpdateProfileAsync(iris, Who(school, new Dictionary<string, string> { ["subjects"] = "school",
            ["activity"] = "me", ["school"] = "members" }));
        await app.Host.PostQuestionAsync(iris);

        // Then her colleague sees her subjects, a stranger does not, and only Iris sees her activity.
        var byColleague = await ViewAsync(colleague, iris.Id);
        var byStranger = await ViewAsync(stranger, iris.Id);
        var byHerself = await ViewAsync(iris, iris.Id);
        (byColleague.Subjects is not null, byStranger.Subjects is null, byStranger.School).ShouldBe((true, true, school));
        (byColleague.Activity, byStranger.Activity).ShouldBe((null, null));
        byHerself.Activity!.Asked.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_profile_shows_asking_and_offering_side_by_side()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync("Joost Doetmee");
        var question = await app.Host.PostQuestionAsync(owner);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);
        var session = await app.Host.ScheduleSessionAsync(partner);

        var view = await ViewAsync(owner, partner.Id);
        view.Activity!.Joined.ShouldContain(i => i.Link == $"/vragen/{question.QuestionId}#coalitie");
        view.Activity.Hosted.ShouldHaveSingleItem().Link.ShouldBe($"/bijeenkomsten/{session.SessionId}");
        var page = await app.Host.Scenario(x => { x.Get.Url($"/leden/{partner.Id}"); x.As(owner); });
        (await page.ReadAsTextAsync()).ShouldContain("Biedt en organiseert");
    }

    private Task<MemberView> ViewAsync(TestMember viewer, Guid memberId) => app.Host.ProfileOfAsync(viewer, memberId);
}

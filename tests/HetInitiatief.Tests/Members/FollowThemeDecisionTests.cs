using HetInitiatief.Members;

namespace HetInitiatief.Tests.Members;

public sealed class FollowThemeDecisionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static MemberProfile Member(string[]? themes = null, string[]? sectors = null) =>
        new(Guid.NewGuid(), "Lid", "lid@school.example", "De Regenboog", "po", Now, FollowedThemes: themes, FollowedSectors: sectors);

    [Fact]
    public void Given_a_followed_theme_when_following_it_again_then_nothing_is_appended()
    {
        FollowThemeEndpoints.DecideTheme(Member(["rekenen"]), "rekenen", follow: true, Now).Events.ShouldBeEmpty();
        FollowThemeEndpoints.DecideTheme(Member(), "rekenen", follow: false, Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_unknown_theme_then_the_field_theme_is_refused_in_Dutch()
    {
        var refusal = FollowThemeEndpoints.DecideTheme(Member(), "breien", follow: true, Now).Refusal!;

        (refusal.Status, refusal.Errors["theme"].Single()).ShouldBe((400, "Onbekend thema: breien. Kies een thema uit de lijst."));
    }

    [Fact]
    public void Given_the_profile_checkboxes_then_only_the_differences_are_appended()
    {
        var member = Member(["rekenen", "didactiek"], ["po"]);

        var decision = FollowThemeEndpoints.DecideFollowing(member, ["didactiek", "onderzoek"], ["vo"], Now);

        decision.Events.ShouldBe([
            new MemberUnfollowedTheme(member.Id, "rekenen", Now), new MemberFollowedTheme(member.Id, "onderzoek", Now),
            new MemberUnfollowedSector(member.Id, "po", Now), new MemberFollowedSector(member.Id, "vo", Now)], ignoreOrder: true);
    }

    [Fact]
    public void Given_sectors_are_followed_then_they_narrow_the_themes_and_never_widen_them()
    {
        Member(["rekenen"], ["vo"]).FollowedThemesOf(["rekenen"], "po").ShouldBeEmpty();
        Member(["rekenen"], ["po"]).FollowedThemesOf(["rekenen", "didactiek"], "po").ShouldBe(["rekenen"]);
        Member(null, ["po"]).FollowedThemesOf(["rekenen"], "po").ShouldBeEmpty();
    }
}

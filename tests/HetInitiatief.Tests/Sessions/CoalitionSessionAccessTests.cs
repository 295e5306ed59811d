using Alba;
using HetInitiatief.Membership;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Membership;

namespace HetInitiatief.Tests.Sessions;

/// <summary>
/// A session made for a coalition belongs to its members: a provider-led one needs no paid membership from them,
/// while the same session still asks it of everyone else.
/// </summary>
public sealed class CoalitionSessionAccessTests(AppFixture app, NetworkOfOne network) : IClassFixture<NetworkOfOne>
{
    [Fact]
    public async Task Members_of_the_coalition_sign_up_for_its_provider_led_session_without_a_paid_membership()
    {
        // Given a coalition of free members, and a provider who scheduled a session for it
        var school = MembershipApi.ASchool();
        var (owner, partner, outsider) =
            (await network.RegisterAsync(school), await network.RegisterAsync(school), await network.RegisterAsync(school));
        var question = await app.Host.PostQuestionAsync(owner);
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);
        await app.Host.JoinAsync(await network.RegisterAsync(school), coalition.CoalitionId);
        var provider = await app.Host.ProviderAsync(await app.AdminAsync());
        await app.Host.AnAcceptedOfferAsync(owner, provider, coalition.CoalitionId);
        var planned = await app.Host.ScheduleSessionAsync(provider, SessionSteps.ASession(coalitionId: coalition.CoalitionId));
        (await app.Host.MembershipOfAsync(partner)).Tier.ShouldBe(MembershipTiers.Free);

        // When the partner opens the session page, they are offered a seat, not told to pay
        var page = await (await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(partner); }))
            .ReadAsTextAsync();
        page.ShouldContain("Meld je aan");
        page.ShouldNotContain("hoort bij een betaald lidmaatschap");

        // Then the coalition's members get seats; a free member outside the coalition is still refused
        await app.Host.SignUpAsync(partner, planned.SessionId, 201);
        await app.Host.SignUpAsync(owner, planned.SessionId, 201);
        var refused = await app.Host.SignUpAsync(outsider, planned.SessionId, 403);
        (await refused.ProblemAsync()).Detail.ShouldBe(Entitlements.ProviderSessionsRefused);
        (await (await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(outsider); }))
            .ReadAsTextAsync()).ShouldContain("hoort bij een betaald lidmaatschap");
    }
}

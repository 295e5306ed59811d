using Alba;
using HetInitiatief.Membership;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Membership;

public sealed class MembershipTests(AppFixture app, NetworkOfOne network) : IClassFixture<NetworkOfOne>
{
    private static object For(string? school = null, string? email = null, Guid? memberId = null, int from = -1, int until = 30) =>
        new { memberId, email, school, from = MembershipApi.Today.AddDays(from), until = MembershipApi.Today.AddDays(until) };

    [Fact]
    public async Task A_school_membership_lets_its_members_sign_up_for_provider_sessions_and_free_members_are_refused()
    {
        var admin = await app.AdminAsync();
        var school = MembershipApi.ASchool();
        var teacher = await network.RegisterAsync(school);
        var elsewhere = await network.RegisterAsync(MembershipApi.ASchool("Het Lyceum"));
        var provider = await app.Host.ProviderAsync(admin);
        var planned = await app.Host.ScheduleSessionAsync(provider);
        (await app.Host.GetSessionAsync(teacher, planned.SessionId)).ProviderLed.ShouldBeTrue();

        var refused = await app.Host.SignUpAsync(teacher, planned.SessionId, 403);
        (await refused.ProblemAsync()).Detail.ShouldBe(Entitlements.ProviderSessionsRefused);
        var page = await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(teacher); });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("hoort bij een betaald lidmaatschap");
        html.ShouldNotContain("Meld je aan");

        // Typed differently from the profile: schools are matched trimmed and case-insensitively.
        var recorded = await app.Host.RecordMembershipAsync(admin, For(school: $"  {school.ToUpperInvariant()} "));
        (recorded.School, recorded.Active).ShouldBe((school.ToUpperInvariant(), true));

        var status = await app.Host.MembershipOfAsync(teacher);
        (status.Tier, status.Until).ShouldBe((MembershipTiers.Paid, MembershipApi.Today.AddDays(30)));
        status.Entitlements.ShouldBe([Entitlements.ProviderSessions, Entitlements.Portfolio], ignoreOrder: true);
        await app.Host.SignUpAsync(teacher, planned.SessionId, 201);
        (await (await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(teacher); })).ReadAsTextAsync()).ShouldContain("Je bent aangemeld");

        (await app.Host.MembershipOfAsync(elsewhere)).Tier.ShouldBe(MembershipTiers.Free);
        (await (await app.Host.SignUpAsync(elsewhere, planned.SessionId, 403)).ProblemAsync()).Detail.ShouldBe(Entitlements.ProviderSessionsRefused);
        var colleagues = await app.Host.ScheduleSessionAsync(await app.Host.RegisterMemberAsync());
        await app.Host.SignUpAsync(elsewhere, colleagues.SessionId, 201);

        (await app.Host.MembershipsAsync(admin))
            .ShouldContain(m => m.Id == recorded.Id && m.Active && m.RecordedBy.Id == admin.Id);
    }

    [Fact]
    public async Task An_expired_membership_no_longer_counts_and_one_ended_early_stops_today()
    {
        var admin = await app.AdminAsync();
        var member = await network.RegisterAsync(MembershipApi.ASchool());

        var expired = await app.Host.RecordMembershipAsync(admin, For(email: member.Email.ToUpperInvariant(), from: -60, until: -1));
        (expired.Member!.Id, expired.Active).ShouldBe((member.Id, false));
        (await app.Host.MembershipOfAsync(member)).Tier.ShouldBe(MembershipTiers.Free);

        var current = await app.Host.RecordMembershipAsync(admin, For(memberId: member.Id, from: 0, until: 0));
        (await app.Host.MembershipOfAsync(member)).Tier.ShouldBe(MembershipTiers.Paid);

        var ended = await app.Host.EndMembershipAsync(admin, current.Id);
        var view = (await ended.ReadAsJsonAsync<MembershipView>())!;
        (view.Active, view.Until).ShouldBe((false, MembershipApi.Today.AddDays(-1)));
        view.EndedAt.ShouldNotBeNull();
        var status = await app.Host.MembershipOfAsync(member);
        (status.Tier, status.Entitlements.Count).ShouldBe((MembershipTiers.Free, 0));

        var later = await app.Host.EndMembershipAsync(admin, current.Id, MembershipApi.Today.AddDays(5), status: 400);
        (await later.ProblemAsync()).Errors!.Keys.ShouldBe(["lastDay"]);
        await app.Host.EndMembershipAsync(admin, Guid.NewGuid(), status: 404);
    }

    [Fact]
    public async Task An_early_bird_gets_what_paid_members_get()
    {
        var admin = await app.AdminAsync();
        var planned = await app.Host.ScheduleSessionAsync(await app.Host.ProviderAsync(admin));

        var status = await app.Host.MembershipOfAsync(network.EarlyBird);

        status.Tier.ShouldBe(MembershipTiers.EarlyBird);
        status.Entitlements.ShouldBe([Entitlements.ProviderSessions, Entitlements.Portfolio], ignoreOrder: true);
        await app.Host.SignUpAsync(network.EarlyBird, planned.SessionId, 201);
        await app.Host.PortfolioAsync(network.EarlyBird);
    }

    [Fact]
    public async Task Recording_a_membership_names_every_field_at_fault()
    {
        var admin = await app.AdminAsync();
        async Task<Api.ProblemResponse> Refused(object body, int status)
        {
            var result = await app.Host.Scenario(x => { x.Post.Json(body).ToUrl("/api/memberships"); x.As(admin); x.StatusCodeShouldBe(status); });
            return await result.ProblemAsync();
        }

        (await Refused(new { }, 400)).Errors!.Keys.ShouldBe(["member", "from", "until"], ignoreOrder: true);
        (await Refused(For(school: "   "), 400)).Errors!.Keys.ShouldBe(["school"]);
        (await Refused(For(school: "De Regenboog", email: admin.Email), 400)).Errors!.Keys.ShouldBe(["school"]);
        (await Refused(For(school: "De Regenboog", from: 3, until: 2), 400)).Errors!["until"].ShouldBe(["De laatste dag ligt op of na de eerste dag."]);
        (await Refused(For(memberId: Guid.NewGuid()), 404)).Errors!.Keys.ShouldBe(["memberId"]);
        (await Refused(For(email: "niemand@school.example"), 404)).Errors!["email"].ShouldBe(["Er is geen lid met dit e-mailadres."]);
    }

    [Fact]
    public async Task Only_admins_record_list_and_end_memberships()
    {
        var admin = await app.AdminAsync();
        var member = await app.Host.RegisterMemberAsync();
        var recorded = await app.Host.RecordMembershipAsync(admin, For(school: MembershipApi.ASchool()));

        var record = await app.Host.Scenario(x => { x.Post.Json(For(school: "De Regenboog")).ToUrl("/api/memberships"); x.As(member); x.StatusCodeShouldBe(403); });
        (await record.ProblemAsync()).Detail.ShouldBe("Alleen een beheerder kan een lidmaatschap vastleggen.");
        await app.Host.Scenario(x => { x.Get.Url("/api/memberships"); x.As(member); x.StatusCodeShouldBe(403); });
        await app.Host.EndMembershipAsync(member, recorded.Id, status: 403);
        await app.Host.Scenario(x => { x.Get.Url("/beheer/lidmaatschappen"); x.As(member); x.StatusCodeShouldBe(403); });

        var page = await app.Host.Scenario(x => { x.Get.Url("/beheer/lidmaatschappen"); x.As(admin); });
        (await page.ReadAsTextAsync()).ShouldContain(recorded.School!);
    }
}

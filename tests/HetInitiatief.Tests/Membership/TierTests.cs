using HetInitiatief.Infrastructure;
using HetInitiatief.Members;
using HetInitiatief.Membership;
using HetInitiatief.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf.IO;

namespace HetInitiatief.Tests.Membership;

public sealed class TierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = Tiers.Today(Now);
    private static readonly Guid AdminId = Guid.NewGuid();

    private static MemberProfile Member(string school = "De Regenboog", int? seat = null) =>
        new(Guid.NewGuid(), "Anna de Vries", "anna@school.example", school, "po", Now.AddDays(-100), EarlyBirdSeat: seat);

    private static PaidMembership For(Guid? member, string? school, int from, int until) =>
        PaidMembership.Create(new PaidMembershipRecorded(Guid.NewGuid(), member, school, Today.AddDays(from), Today.AddDays(until), AdminId, Now));

    [Fact]
    public void Without_a_membership_or_a_seat_a_member_is_free_and_gets_nothing_extra()
    {
        var status = Tiers.Of(Member(), [For(null, "Het Lyceum", -10, 10)], Today, TierSettings.Default);

        (status.Tier, status.Since, status.Until).ShouldBe((MembershipTiers.Free, (DateOnly?)null, (DateOnly?)null));
        status.Entitlements.ShouldBeEmpty();
    }

    [Fact]
    public void A_founding_member_is_an_early_bird_with_what_paid_members_get()
    {
        var member = Member(seat: 7);

        var status = Tiers.Of(member, [], Today, TierSettings.Default);

        (status.Tier, status.Since, status.Until).ShouldBe((MembershipTiers.EarlyBird, Tiers.Today(member.RegisteredAt), (DateOnly?)null));
        status.Entitlements.ShouldBe([Entitlements.ProviderSessions, Entitlements.Portfolio]);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(-30, 0, true)]
    [InlineData(0, 30, true)]
    [InlineData(-30, -1, false)]
    [InlineData(1, 30, false)]
    public void A_membership_counts_from_its_first_through_its_last_day(int from, int until, bool paid)
    {
        var member = Member(seat: 3);

        Tiers.Of(member, [For(member.Id, null, from, until)], Today, TierSettings.Default).Tier
            .ShouldBe(paid ? MembershipTiers.Paid : MembershipTiers.EarlyBird);
    }

    [Fact]
    public void A_school_membership_covers_the_school_whatever_its_spacing_and_case()
    {
        var member = Member(school: "  OBS de Paddenstoel ");

        var status = Tiers.Of(member, [For(null, "obs DE paddenstoel", -5, 20), For(null, "OBS De Paddenstoel", -50, 40), For(null, "OBS De Paddenstoel 2", -5, 90)], Today, TierSettings.Default);

        (status.Tier, status.Since, status.Until).ShouldBe((MembershipTiers.Paid, (DateOnly?)Today.AddDays(-50), (DateOnly?)Today.AddDays(40)));
        status.Includes(Entitlements.Portfolio).ShouldBeTrue();
    }

    [Fact]
    public void A_member_without_a_school_is_never_covered_by_a_school_membership()
    {
        Tiers.Of(Member(school: ""), [For(null, "", -5, 5) with { SchoolKey = "" }], Today, TierSettings.Default).Tier.ShouldBe(MembershipTiers.Free);
    }

    [Fact]
    public void A_membership_ended_early_stops_on_its_new_last_day()
    {
        var member = Member();
        var membership = For(member.Id, null, -10, 100);

        var ended = EndPaidMembershipEndpoint.Decide(membership, new EndPaidMembership(null), Admin(), Today, Now);

        var e = ended.Events.ShouldHaveSingleItem().ShouldBeOfType<PaidMembershipEnded>();
        e.LastDay.ShouldBe(Today.AddDays(-1));
        Tiers.Of(member, [membership.Apply(e)], Today, TierSettings.Default).Tier.ShouldBe(MembershipTiers.Free);
        EndPaidMembershipEndpoint.Decide(membership.Apply(e), new EndPaidMembership(null), Admin(), Today, Now).Events.ShouldBeEmpty();
        EndPaidMembershipEndpoint.Decide(membership, new EndPaidMembership(Today.AddDays(100)), Admin(), Today, Now).Refusal!.Errors.Keys.ShouldBe(["lastDay"]);
        EndPaidMembershipEndpoint.Decide(membership, new EndPaidMembership(null), Member(), Today, Now).Refusal!.Status.ShouldBe(403);
    }

    [Fact]
    public void Which_tier_gets_what_is_a_setting_and_a_typo_stops_the_start()
    {
        var settings = Bound(new()
        {
            ["Membership:Entitlements:Free"] = "portfolio", ["Membership:Entitlements:EarlyBird"] = "",
        });

        settings.For(MembershipTiers.Free).ShouldBe([Entitlements.Portfolio]);
        settings.For(MembershipTiers.EarlyBird).ShouldBeEmpty();
        settings.For(MembershipTiers.Paid).ShouldBe(Entitlements.All);
        Should.Throw<OptionsValidationException>(() =>
                Bound(new() { ["Membership:Entitlements:Paid"] = "portfolio,providersessions" }))
            .Message.ShouldContain("Membership:Entitlements:Paid");
    }

    /// <summary>The tiers' settings as the platform binds them: through the options, checked when first read.</summary>
    private static TierSettings Bound(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        TierSettings.Add(services, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<TierSettings>();
    }

    [Fact]
    public void Only_an_admin_records_a_membership_and_only_for_one_member_or_one_school()
    {
        var command = new RecordPaidMembership(null, null, " De Regenboog ", Today, Today.AddDays(30));
        var id = Guid.NewGuid();

        RecordPaidMembershipEndpoint.Decide(command, Admin(), null, id, Now).Events
            .ShouldBe([new PaidMembershipRecorded(id, null, "De Regenboog", Today, Today.AddDays(30), Admin().Id, Now)]);
        RecordPaidMembershipEndpoint.Decide(command, Member(), null, id, Now).Refusal!.Status.ShouldBe(403);
        RecordPaidMembershipEndpoint.Decide(command, null, null, id, Now).Refusal!.Status.ShouldBe(401);
        RecordPaidMembershipEndpoint.CheckFields(command with { MemberId = Guid.NewGuid() })!.Errors.Keys.ShouldBe(["school"]);
        RecordPaidMembershipEndpoint.CheckFields(command with { Until = Today.AddDays(-1) })!.Errors.Keys.ShouldBe(["until"]);
    }

    [Fact]
    public void Signing_up_for_a_provider_led_session_takes_the_entitlement()
    {
        var id = Guid.NewGuid();
        var scheduled = new SessionScheduled(id, Guid.NewGuid(), "Werkplaats woordenschat", "Na afloop…", "werkplaats", "fysiek", Now.AddDays(8),
            Now.AddDays(8).AddHours(2), "Utrecht", null, 10, 1, Now.AddDays(7), "taal-en-lezen", null, null, Now);
        var byProvider = Session.Create(scheduled with { ProviderLed = true });
        var member = Guid.NewGuid();

        var refused = SignUpEndpoints.DecideSignUp(byProvider, false, member, Now, mayJoinProviderSessions: false).Refusal!;
        (refused.Status, refused.Detail).ShouldBe((403, Entitlements.ProviderSessionsRefused));
        SignUpEndpoints.DecideSignUp(byProvider, false, member, Now, mayJoinProviderSessions: true).Events.ShouldHaveSingleItem().ShouldBeOfType<MemberSignedUp>();
        SignUpEndpoints.DecideSignUp(Session.Create(scheduled), false, member, Now, mayJoinProviderSessions: false).Events.ShouldHaveSingleItem().ShouldBeOfType<MemberSignedUp>();
        // Who already has a seat keeps it, even after the membership lapsed: signing up again changes nothing.
        var seated = byProvider.Apply(new MemberSignedUp(id, member, Now));
        var again = SignUpEndpoints.DecideSignUp(seated, false, member, Now, mayJoinProviderSessions: false);
        (again.Refusal, again.Events.Count).ShouldBe((null, 0));
    }

    [Fact]
    public void Csv_fields_are_quoted_for_excel_and_formulas_are_not_run()
    {
        PortfolioCsv.Field("Werkplaats; deel 2").ShouldBe("\"Werkplaats; deel 2\"");
        PortfolioCsv.Field("Zeg \"hallo\"").ShouldBe("\"Zeg \"\"hallo\"\"\"");
        PortfolioCsv.Field("regel 1\nregel 2").ShouldBe("\"regel 1\nregel 2\"");
        PortfolioCsv.Field("=SOM(A1:A9)").ShouldBe("'=SOM(A1:A9)");
        PortfolioCsv.Field(null).ShouldBe("");
    }

    [Fact]
    public void A_long_portfolio_continues_on_more_pages()
    {
        var sessions = Enumerable.Range(1, 90).Select(i => new Portfolio.AttendedSession(
            Guid.NewGuid(), Now.AddDays(-i), $"Werkplaats {i}: een titel die zo lang is dat hij in de kolom over twee regels gaat", "werkplaats", "Werkplaats", 1.5)).ToList();
        var feedback = Enumerable.Range(1, 30).Select(i => new Portfolio.FeedbackGiven(Guid.NewGuid(), $"Werkplaats {i}", Now, 4, string.Join(' ', Enumerable.Repeat("Ik laat leerlingen elkaars werk nakijken.", 8)))).ToList();
        var portfolio = new Portfolio(new HetInitiatief.Questions.Person(Guid.NewGuid(), "Anna de Vries"), "De Regenboog", Now, sessions, 135, feedback, []);

        var pdf = PortfolioPdf.Render(portfolio);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        document.PageCount.ShouldBeGreaterThan(4);
    }

    private static MemberProfile Admin() => new(AdminId, "Beheerder", "beheer@school.example", "", "po", Now, Roles: [MemberRoles.Admin]);

}

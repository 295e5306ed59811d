using Alba;
using HetInitiatief.Matching;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Matching;

/// <summary>The makelfunctie: experts and colleagues with the same question reached without a moderator.</summary>
public sealed class MatchmakerTests(AppFixture app)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static ExpertiseRequests Received(params (string Reason, DateTimeOffset At)[] matches) =>
        new(Guid.NewGuid(), matches.Select(m => new ExpertiseRequests.Received(Guid.NewGuid(), m.Reason, true, m.At)).ToList());

    private static HetInitiatief.Infrastructure.Decision Decide(ExpertiseRequests received, int cap = 3, bool wantsToHear = true, Guid? matchId = null,
        string reason = MatchReasons.OffersTheme) =>
        ExpertiseRequests.Decide(received, Guid.NewGuid(), matchId ?? Guid.NewGuid(), Guid.NewGuid(), null, reason, wantsToHear, cap, Now);

    [Fact]
    public void An_expert_is_asked_until_the_weekly_cap_and_requests_older_than_a_week_no_longer_count()
    {
        var twoThisWeek = Received((MatchReasons.OffersTheme, Now.AddDays(-1)), (MatchReasons.ProvidesTheme, Now.AddDays(-6)));

        Decide(twoThisWeek, cap: 3).Events.ShouldHaveSingleItem().ShouldBeOfType<MemberMatched>().Notified.ShouldBeTrue();
        Decide(twoThisWeek, cap: 2).Events.ShouldBeEmpty();
        Decide(Received((MatchReasons.OffersTheme, Now.AddDays(-8)), (MatchReasons.OffersTheme, Now.AddDays(-7))), cap: 1).Events.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_similar_question_is_not_a_request_for_expertise_and_does_not_count_towards_the_cap()
    {
        var full = Received((MatchReasons.OffersTheme, Now.AddHours(-1)));

        Decide(full, cap: 1, reason: MatchReasons.SimilarQuestion).Events.ShouldHaveSingleItem();
        Received((MatchReasons.SimilarQuestion, Now.AddHours(-1))).RequestsInWeekBefore(Now).ShouldBe(0);
    }

    [Fact]
    public void A_member_who_switched_it_off_is_not_asked_and_nobody_is_asked_twice_for_one_match()
    {
        var matchId = Guid.NewGuid();
        var once = new ExpertiseRequests(Guid.NewGuid(), [new(matchId, MatchReasons.OffersTheme, true, Now.AddMinutes(-1))]);

        Decide(Received(), wantsToHear: false).Events.ShouldBeEmpty();
        Decide(once, matchId: matchId).Events.ShouldBeEmpty();
    }

    [Fact]
    public void The_owner_is_never_matched_to_their_own_question_and_at_most_three_owners_of_similar_questions_are()
    {
        var owner = Guid.NewGuid();
        var question = QuestionDetails.Create(new QuestionPosted(Guid.NewGuid(), owner, "Titel", "Context", "", "", ["rekenen"], "po", Now));
        MemberProfile Member(Guid id) => new(id, "Lid", "lid@school.example", "", "po", Now, OfferedThemes: ["rekenen"]);
        var experts = new[] { Member(owner), Member(Guid.NewGuid()) }.Select(m => Expertise.Of(m, ["rekenen"])!).ToList();
        var others = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var similar = others.Concat([others[0], owner]).Select(o =>
            new SimilarQuestion(Guid.NewGuid(), "Ook", "", new Person(o, "Lid"), [], null, false)).ToList();

        var candidates = Matchmaker.Candidates(question, experts, similar);

        candidates.ShouldNotContain(c => c.MemberId == owner);
        candidates.Count(c => c.Reason == MatchReasons.OffersTheme).ShouldBe(1);
        candidates.Where(c => c.Reason == MatchReasons.SimilarQuestion).Select(c => c.MemberId).ShouldBe(others.Take(3));
        Matchmaker.Candidates(question.Apply(new QuestionWithdrawn(question.Id, owner, Now)), experts, similar).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_offering_the_theme_is_asked_and_the_owner_sees_who_knows_about_it()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna Vraagt");
        var expert = await app.Host.RegisterMemberAsync("Eva Expert");
        await app.Host.OffersAsync(expert, "kunst-en-cultuur");
        await CapAsync(expert, 20);

        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AUniqueQuestion("kunst-en-cultuur"));

        var asked = await NotificationAboutAsync(expert, question.QuestionId);
        asked.Kind.ShouldBe(NotificationKinds.ExpertiseRequested);
        asked.Text.ShouldStartWith("Je expertise wordt gevraagd: Anna Vraagt stelde een vraag over \"Kunst en cultuur\", wat je op je profiel aanbiedt");
        asked.Link.ShouldBe($"/vragen/{question.QuestionId}");
        var matches = await MatchesAsync(owner, question.QuestionId);
        matches.Colleagues.ShouldContain(c => c.MemberId == expert.Id && c.Asked && c.Why == "biedt Kunst en cultuur aan op het profiel");
        matches.Matches.ShouldContain(m => m.MemberId == expert.Id && m.Reason == MatchReasons.OffersTheme && m.ByPlatform && m.Notified);
        (await app.Host.NotificationsAsync(owner)).Notifications.ShouldNotContain(n => n.Kind == NotificationKinds.ExpertiseRequested);
    }

    [Fact]
    public async Task Someone_who_hides_what_they_offer_is_asked_privately_but_not_shown_to_the_owner_and_someone_who_opted_out_is_not_asked()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var moderator = await app.Host.RegisterMemberAsync();
        await app.Host.GrantAsync(await app.AdminAsync(), moderator, MemberRoles.Moderator);
        var hidden = await app.Host.RegisterMemberAsync("Hanna Verborgen");
        var optedOut = await app.Host.RegisterMemberAsync("Otto Liever Niet");
        var control = await app.Host.RegisterMemberAsync("Cor Controle");
        foreach (var expert in new[] { hidden, optedOut, control })
        {
            await app.Host.OffersAsync(expert, "bewegingsonderwijs");
            await CapAsync(expert, 20);
        }
        await app.Host.UpdateProfileAsync(hidden,
            new { school = "De Regenboog", sector = "po", visibility = new Dictionary<string,
                string> { ["offering"] = ProfileOptions.OnlyMe } });
        await app.Host.ChooseNotificationsAsync(optedOut,
            new Dictionary<string, string?> { [NotificationKinds.ExpertiseRequested] = Deliveries.Off },
                expertiseRequestsPerWeek: 20);

        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AUniqueQuestion("bewegingsonderwijs"));

        // One handler considers every expert and stores their notifications together: once one has it, all were decided.
        (await NotificationAboutAsync(control, question.QuestionId)).Kind.ShouldBe(NotificationKinds.ExpertiseRequested);
        (await NotificationAboutAsync(hidden, question.QuestionId)).Kind.ShouldBe(NotificationKinds.ExpertiseRequested);
        (await app.Host.NotificationsAsync(optedOut)).Notifications.ShouldNotContain(n => n.Link == $"/vragen/{question.QuestionId}");

        var owners = await MatchesAsync(owner, question.QuestionId);
        owners.Colleagues.Select(c => c.MemberId).ShouldContain(control.Id);
        owners.Colleagues.Select(c => c.MemberId).ShouldContain(optedOut.Id);
        owners.Colleagues.Select(c => c.MemberId).ShouldNotContain(hidden.Id);
        owners.Matches.Select(m => m.MemberId).ShouldNotContain(hidden.Id);
        (await MatchesAsync(moderator, question.QuestionId)).Matches.Select(m => m.MemberId).ShouldContain(hidden.Id);
        (await app.Host.ProfileOfAsync(owner, hidden.Id)).OfferedThemes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_the_owner_and_moderators_see_the_matches_of_a_question()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AUniqueQuestion());

        var stranger = await app.Host.RegisterMemberAsync();
        var refused = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{question.QuestionId}/matches");
            x.As(stranger);
            x.StatusCodeShouldBe(403);
        });
        (await refused.ProblemAsync()).Detail.ShouldBe(QuestionMatchesEndpoint.Refusal);
        await app.Host.Scenario(x => { x.Get.Url($"/api/questions/{Guid.NewGuid()}/matches"); x.As(owner); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/questions/{question.QuestionId}/matches"); x.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task The_weekly_cap_holds_when_many_questions_are_posted_at_once()
    {
        var capped = await app.Host.RegisterMemberAsync("Aart Begrensd");
        var control = await app.Host.RegisterMemberAsync("Zeger Onbegrensd");
        foreach (var expert in new[] { capped, control }) await app.Host.OffersAsync(expert, "loopbaan");
        await CapAsync(capped, 2);
        await CapAsync(control, 20);
        var owners = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.Host.RegisterMemberAsync()));

        var questions = await Task.WhenAll(owners.Select(o => app.Host.PostQuestionAsync(o, QuestionSteps.AUniqueQuestion("loopbaan"))));

        // Each question's handler considers every expert before it stores a notification: when the control expert
        // heard of all eight, all eight were decided for the capped one too.
        var ids = questions.Select(q => $"/vragen/{q.QuestionId}").ToHashSet();
        (await Eventually.TrueAsync(async () =>
            (await app.Host.NotificationsAsync(control)).Notifications.Count(n => ids.Contains(n.Link)) == 8)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(capped)).Notifications.Count(n => n.Kind == NotificationKinds.ExpertiseRequested).ShouldBe(2);
    }

    [Fact]
    public async Task The_owner_of_a_similar_open_question_hears_of_the_new_one_where_they_can_link_them()
    {
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        object Question(string title) => new
        {
            title, context = $"Mijn leerlingen vinden {word} lastig, hoe pak ik {word} aan in de klas?", whyMine = "Het speelt in groep 6.",
            alreadyKnown = "Nog weinig.", themes = new[] { "wereldorientatie" }, sector = "po",
        };
        var first = await app.Host.RegisterMemberAsync("Fien Eerst");
        var firstQuestion = await app.Host.PostQuestionAsync(first, Question($"Hoe leer ik {word}?"));
        var second = await app.Host.RegisterMemberAsync("Sam Later");

        var secondQuestion = await app.Host.PostQuestionAsync(second, Question($"Wie helpt met {word}?"));

        (await app.Host.GetsNotifiedAsync(first, NotificationKinds.SimilarQuestionPosted)).ShouldBeTrue();
        var told = (await app.Host.NotificationsAsync(first)).Notifications.Single(n => n.Kind == NotificationKinds.SimilarQuestionPosted);
        told.Text.ShouldContain($"Sam Later stelt een vraag die lijkt op jouw vraag \"Hoe leer ik {word}?\"");
        told.Link.ShouldBe($"/vragen/{firstQuestion.QuestionId}#lijkt-op");
        (await MatchesAsync(second, secondQuestion.QuestionId)).Matches
            .ShouldContain(m => m.MemberId == first.Id && m.Reason == MatchReasons.SimilarQuestion);
    }

    [Fact]
    public void A_match_counts_on_the_health_dashboard_as_made_by_the_platform_or_by_a_moderator()
    {
        var at = new HealthWeek(2024, 20).Start.AddDays(1);
        var facts = new[]
        {
            new MemberMatched(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, MatchReasons.OffersTheme, null, true, at),
            new MemberMatched(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, MatchReasons.SimilarQuestion, null, true, at),
            new MemberMatched(Guid.NewGuid(), Guid.NewGuid(), null, null, MatchReasons.Nudged, Guid.NewGuid(), true, at),
        }.Select((e, i) => HealthFacts.From(Guid.NewGuid(), i, e)!).ToList();

        var indicators = NetworkHealth.Compute(NetworkHealth.InOrder(facts), new HealthWeek(2024, 20), new HealthSettings()).Indicators;

        indicators.Matchmaking.ShouldBe(new Ratio(2, 3));
    }

    private async Task CapAsync(TestMember member, int cap) => await app.Host.ChooseNotificationsAsync(member,
        expertiseRequestsPerWeek: cap);

    private async Task<Notification> NotificationAboutAsync(TestMember member, Guid questionId)
    {
        (await Eventually.TrueAsync(async () =>
            (await app.Host.NotificationsAsync(member)).Notifications.Any(n => n.Link.StartsWith($"/vragen/{questionId}")))).ShouldBeTrue();
        return (await app.Host.NotificationsAsync(member)).Notifications.First(n => n.Link.StartsWith($"/vragen/{questionId}"));
    }

    private async Task<QuestionMatches> MatchesAsync(TestMember viewer, Guid questionId)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/questions/{questionId}/matches"); x.As(viewer); x.StatusCodeShouldBeOk(); });
        return (await result.ReadAsJsonAsync<QuestionMatches>())!;
    }
}

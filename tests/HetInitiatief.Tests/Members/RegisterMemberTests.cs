using Alba;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Members;

public sealed class RegisterMemberTests(AppFixture app)
{
    private static object Registration(string email, string password = Api.Password, string sector = "vo") =>
        new { name = "Sanne Bakker", email, password, school = "Het Lyceum", sector };

    [Fact]
    public async Task A_registered_teacher_signs_in_and_sees_her_profile()
    {
        var member = await app.Host.RegisterMemberAsync("Sanne Bakker", sector: "vo");

        var me = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/me");
            x.As(member);
        });

        var profile = await me.ReadAsJsonAsync<Api.MeResponse>();
        profile!.Name.ShouldBe("Sanne Bakker");
        profile.Email.ShouldBe(member.Email);
    }

    [Fact]
    public async Task A_second_account_with_the_same_address_in_other_case_is_refused()
    {
        var member = await app.Host.RegisterMemberAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(Registration(member.Email.ToUpperInvariant())).ToUrl("/api/members");
            x.StatusCodeShouldBe(409);
        });

        (await result.ProblemAsync()).Errors!.Keys.ShouldBe(["email"]);
    }

    [Theory]
    [InlineData("kort1")]
    [InlineData("alleenmaarletters")]
    [InlineData("1234567890123")]
    public async Task A_weak_password_is_refused_with_the_reason(string password)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(Registration($"{Guid.NewGuid():N}@school.example", password)).ToUrl("/api/members");
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ProblemAsync();
        problem.Errors!.Keys.ShouldBe(["password"]);
        problem.Errors["password"][0].ShouldContain("minstens 10 tekens");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { name = "", email = "geen-adres", password = Api.Password, school = new string('x', 151), sector = "wo" }).ToUrl("/api/members");
            x.StatusCodeShouldBe(400);
        });

        (await result.ProblemAsync()).Errors!.Keys.ShouldBe(["name", "email", "school", "sector"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_401()
    {
        var member = await app.Host.RegisterMemberAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email = member.Email, password = "niet-mijn-wachtwoord-9" }).ToUrl("/api/auth/token");
            x.StatusCodeShouldBe(401);
        });

        (await result.ProblemAsync()).Detail.ShouldContain("horen niet bij elkaar");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_address_for_a_while_even_for_the_right_one()
    {
        var member = await app.Host.RegisterMemberAsync();
        for (var i = 0; i < 5; i++)
            await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email, password = "fout-wachtwoord-1" }).ToUrl("/api/auth/token"); x.StatusCodeShouldBe(401); });

        var locked = await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email, password = member.Password }).ToUrl("/api/auth/token"); x.StatusCodeShouldBe(429); });

        (await locked.ProblemAsync()).Detail.ShouldContain("Te vaak een verkeerd wachtwoord");
    }

    [Fact]
    public void Failures_older_than_the_window_do_not_count()
    {
        var now = DateTimeOffset.UtcNow;
        var attempts = new HetInitiatief.Members.SignInAttempts("a@b.nl", []);
        for (var i = 0; i < 4; i++) attempts = attempts.Failed(now.AddMinutes(-20));
        attempts = attempts.Failed(now);

        attempts.LockedUntil(now).ShouldBeNull();
        for (var i = 0; i < 4; i++) attempts = attempts.Failed(now);
        attempts.LockedUntil(now).ShouldBe(now + HetInitiatief.Members.SignInAttempts.Window);
    }

    [Fact]
    public async Task Who_I_am_needs_a_signed_in_member()
    {
        await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/me");
            x.StatusCodeShouldBe(401);
        });
        await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/me");
            x.WithRequestHeader("Authorization", "Bearer niet-een-echt-token");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Ten_simultaneous_registrations_with_one_address_make_exactly_one_account()
    {
        var email = $"{Guid.NewGuid():N}@school.example";

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Post.Json(Registration(email)).ToUrl("/api/members");
                x.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        statuses.Count(s => s == 201).ShouldBe(1);
        statuses.Count(s => s == 409).ShouldBe(9);
    }

    [Fact]
    public async Task The_web_app_signs_in_with_a_cookie()
    {
        var member = await app.Host.RegisterMemberAsync();

        var signIn = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email = member.Email, password = member.Password }).ToUrl("/api/auth/sign-in");
            x.StatusCodeShouldBe(204);
        });
        var cookie = signIn.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        cookie.ShouldStartWith("het-initiatief=");

        var me = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/me");
            x.WithRequestHeader("Cookie", cookie);
        });
        (await me.ReadAsJsonAsync<Api.MeResponse>())!.Id.ShouldBe(member.Id);
    }
}

using System.Buffers.Binary;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Members;

/// <summary>The test hosts hash cheaply (<see cref="CheapPasswords"/>); the platform as it runs must not.</summary>
public sealed class PasswordStrengthTests(AppFixture app)
{
    [Fact]
    public async Task The_platform_stores_a_password_hashed_with_at_least_100000_rounds_of_PBKDF2()
    {
        // Given the platform as it is built for a school, with no test setting on its password cost
        await using var server = await WebServer.StartAsync(app.ConnectionString, realPasswordCost: true);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        // When a teacher registers
        var member = await Api.RegisterAtAsync(http, confirmed: false, outbox: app.Outbox);

        // Then the stored hash says (ASP.NET Core Identity's version 3 format) how many rounds it took
        await using var session = server.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var login = await session.LoadAsync<MemberLogin>(MemberLogin.Normalise(member.Email));
        var hash = Convert.FromBase64String(login!.PasswordHash);
        hash[0].ShouldBe((byte)0x01);
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)).ShouldBeGreaterThanOrEqualTo(100_000u);
    }
}

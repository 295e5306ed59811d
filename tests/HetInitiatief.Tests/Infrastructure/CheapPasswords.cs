using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// The suite registers and signs in thousands of members; at the platform's real cost (PBKDF2, 100,000 rounds) that
/// is minutes of CPU spent proving nothing. The test hosts hash with one round; the algorithm, salt and format stay
/// the same, and <c>PasswordStrengthTests</c> proves that the platform itself keeps the real cost.
/// </summary>
public static class CheapPasswords
{
    public static void Use(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
}

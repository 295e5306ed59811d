using Microsoft.Extensions.Options;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// Settings bound with the options pattern and checked when the platform starts: a value it cannot honour stops the
/// start-up with a message naming the setting, and every value it can honour (0 hours, say) means what it says,
/// instead of being silently replaced by the default. A value that is no number at all stops it too (the binder
/// names the setting).
/// </summary>
public static class Settings
{
    public static void AddCheckedSettings<T>(this IServiceCollection services, IConfiguration configuration, string section,
        Func<T, IEnumerable<string?>> problems) where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Check<T>(problems));
    }

    public static string? AtLeast(string setting, double value, double minimum) =>
        value >= minimum ? null : $"{setting} must be {minimum} or more (it is {value}).";

    public static string? Between(string setting, double value, double minimum, double maximum) =>
        value >= minimum && value <= maximum ? null : $"{setting} must be between {minimum} and {maximum} (it is {value}).";

    private sealed class Check<T>(Func<T, IEnumerable<string?>> problems) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = problems(options).OfType<string>().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

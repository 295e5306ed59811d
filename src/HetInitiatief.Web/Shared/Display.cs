using System.Globalization;

namespace HetInitiatief.Shared;

/// <summary>How the pages write moments: Dutch, in Dutch time, and relative where that reads easier.</summary>
public static class Display
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Amsterdam);

    public static string Moment(DateTimeOffset moment) => Local(moment).ToString("d MMMM yyyy 'om' HH:mm", Dutch);

    public static string Ago(DateTimeOffset moment, DateTimeOffset now)
    {
        var elapsed = now - moment;
        if (elapsed < TimeSpan.FromMinutes(1)) return "zojuist";
        if (elapsed < TimeSpan.FromHours(1)) return $"{(int)elapsed.TotalMinutes} min geleden";
        if (elapsed < TimeSpan.FromDays(1)) return $"{(int)elapsed.TotalHours} uur geleden";
        if (elapsed < TimeSpan.FromDays(2)) return "gisteren";
        if (elapsed < TimeSpan.FromDays(7)) return $"{(int)elapsed.TotalDays} dagen geleden";
        return Local(moment).ToString("d MMMM yyyy", Dutch);
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", Dutch);

    public static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Dutch) + text[1..];

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

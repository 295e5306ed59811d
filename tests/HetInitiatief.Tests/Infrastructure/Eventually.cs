namespace HetInitiatief.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Waits until the clock has passed a moment (no wait when it already has).</summary>
    public static Task PassedAsync(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }

    /// <summary>For what happens after a commit (notifications, scheduled deadlines): waits up to 30 s for it to be true.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return false;
    }
}

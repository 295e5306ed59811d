namespace HetInitiatief.Tests.Infrastructure;

public static class Eventually
{
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

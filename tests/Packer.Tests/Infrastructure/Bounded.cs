namespace Packer.Tests.Infrastructure;

/// <summary>
/// Runs work that once hung with a generous time bound, so a regression fails the test instead of stalling the
/// run (the work itself is left to finish on its own thread).
/// </summary>
internal static class Bounded
{
    /// <summary>The bound for inputs that hung before a fix: far above what they take now, on a busy machine too.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="work"/> on the thread pool and returns its result, or fails after the bound.</summary>
    public static async Task<T> RunAsync<T>(Func<T> work, TimeSpan? bound = null)
    {
        var limit = bound ?? Generous;
        var task = Task.Run(work);
        var finished = await Task.WhenAny(task, Task.Delay(limit));
        Assert.True(finished == task, $"the work took longer than {limit.TotalSeconds} s");
        return await task;
    }
}

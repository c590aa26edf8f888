namespace Packer.Tests.Infrastructure;

/// <summary>
/// Runs work that once hung with a generous time bound, so a regression fails the test instead of stalling the
/// run (the work itself is left to finish on its own thread).
/// </summary>
internal static class Bounded
{
    /// <summary>The bound for inputs that hung before a fix: far above what they take now, on a busy machine too.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    /// <summary>A bound for work that loads a solution with MSBuild, which takes seconds on its own.</summary>
    public static readonly TimeSpan Load = TimeSpan.FromSeconds(120);

    /// <summary>Runs <paramref name="work"/> on the thread pool and returns its result, or fails after the bound.</summary>
    public static Task<T> RunAsync<T>(Func<T> work, TimeSpan? bound = null) => WithinAsync(Task.Run(work), bound ?? Generous);

    /// <summary>Runs asynchronous <paramref name="work"/> on the thread pool and returns its result, or fails after the bound.</summary>
    public static Task<T> AwaitAsync<T>(Func<Task<T>> work, TimeSpan? bound = null) => WithinAsync(Task.Run(work), bound ?? Generous);

    private static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan limit)
    {
        var finished = await Task.WhenAny(task, Task.Delay(limit));
        Assert.True(finished == task, $"the work took longer than {limit.TotalSeconds} s");
        return await task;
    }
}

using Packer.Core.Configuration;
using Packer.Core.Pipeline;

namespace Packer.Tests.Infrastructure;

/// <summary>
/// The Shop fixture as a git repository, copied and loaded by MSBuild once per test class: each test starts
/// from <see cref="ResetAsync"/> (the first commit, nothing else), and every pack goes through the class's own
/// analysis cache, so that after the first cold load the solution is rebuilt from the cache and only what a
/// test edited is read again. A warm run's output is a cold run's (AnalysisCacheTests), so tests of what the
/// pipeline packs need not load the solution each time.
/// </summary>
public sealed class ShopRepository : IAsyncLifetime
{
    private GitRepository? repository;

    /// <summary>Gets the copy's folder (the repository root).</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>Gets the solution file.</summary>
    public string SolutionPath => Path.Combine(Root, "Shop.sln");

    /// <summary>Gets the class's analysis cache folder.</summary>
    public string CacheDirectory { get; private set; } = string.Empty;

    /// <summary>Gets the config file every pack names (its changes invalidate the cache).</summary>
    public string ConfigFile => Path.Combine(Root, "packer.yaml");

    /// <summary>Gets the first, cold pack of the class (OrderService.cs, default settings).</summary>
    public PackResult Initial { get; private set; } = null!;

    internal GitRepository Repository => repository!;

    public async Task InitializeAsync()
    {
        Root = Fixtures.Copy("Shop");
        File.WriteAllText(ConfigFile, "# the Shop fixture's settings; tests pass theirs as options\n");
        CacheDirectory = Path.Combine(TempFolder.Create(), "cache");
        repository = await GitRepository.InitAsync(Root);
        Initial = await PackAsync(Options("src/Shop.Application/OrderService.cs")); // the one MSBuild load
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Returns the repository to its first commit.</summary>
    public Task ResetAsync() => Repository.ResetAsync();

    /// <summary>Options for the fixture, packing through the class's cache.</summary>
    public PackOptions Options(params string[] targets) => new()
    {
        SolutionPath = SolutionPath,
        Targets = TargetSpec.ParseAll(targets),
        CacheDirectory = CacheDirectory,
        ConfigFile = ConfigFile,
    };

    /// <summary>A copy of the class's cache folder, for a test that damages or invalidates it.</summary>
    public string CopyOfCache()
    {
        var copy = Path.Combine(TempFolder.Create(), "cache");
        Fixtures.CopyTree(CacheDirectory, copy);
        return copy;
    }

    /// <summary>Packs as the tool does (cache read and written), in the repository's folder.</summary>
    public Task<PackResult> PackAsync(PackOptions options) => ContextPacker.PackAsync(options, Root, progress: null, CancellationToken.None);

    /// <summary>The path of a repository file.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces <paramref name="anchor"/> in a file (which must hold it).</summary>
    public void Edit(string relative, string anchor, string replacement)
    {
        var full = PathOf(relative);
        var text = File.ReadAllText(full);
        Assert.Contains(anchor, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(anchor, replacement, StringComparison.Ordinal));
    }
}

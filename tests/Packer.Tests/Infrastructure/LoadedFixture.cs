using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Pipeline;

namespace Packer.Tests.Infrastructure;

/// <summary>A fixture solution copied and loaded once, shared by the tests of the MSBuild collection.</summary>
public sealed class LoadedFixture : IAsyncLifetime
{
    private readonly Dictionary<string, LoadedSolution> loaded = new(StringComparer.Ordinal);

    /// <summary>Gets the Shop fixture's copied folder.</summary>
    public string ShopRoot { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ShopRoot = Fixtures.Copy("Shop");
        await LoadAsync(Path.Combine(ShopRoot, "Shop.sln"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Loads a solution once per include/exclude set, then reuses it.</summary>
    internal async Task<LoadedSolution> LoadAsync(string solution, IReadOnlyList<string>? include = null, IReadOnlyList<string>? exclude = null)
    {
        var key = solution + "|" + string.Join(';', include ?? []) + "|" + string.Join(';', exclude ?? []);
        if (!loaded.TryGetValue(key, out var result))
        {
            loaded[key] = result = await WorkspaceLoader.LoadAsync(solution, new FileFilter(include ?? [], exclude ?? []), CancellationToken.None);
        }

        return result;
    }

    /// <summary>Packs the Shop fixture in process with the given options.</summary>
    internal async Task<PackResult> PackShopAsync(PackOptions options)
    {
        var solution = await LoadAsync(Path.Combine(ShopRoot, "Shop.sln"), options.Include, options.Exclude);
        return await ContextPacker.PackAsync(solution, options, ShopRoot, CancellationToken.None);
    }

    /// <summary>Options for the Shop fixture.</summary>
    internal PackOptions ShopOptions(params string[] targets) => new() { SolutionPath = Path.Combine(ShopRoot, "Shop.sln"), Targets = TargetSpec.ParseAll(targets) };
}

/// <summary>Tests that pack the Shop fixture in process share one load of it (and run one at a time, beside other collections).</summary>
[CollectionDefinition(Name)]
public sealed class MsBuildCollection : ICollectionFixture<LoadedFixture>
{
    public const string Name = "MSBuild";
}

using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Pipeline;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Caching;

/// <summary>
/// The analysis a server keeps in memory between runs (<see cref="AnalysisMemory"/>) gives what the cache file
/// gives: packed in process on a Shop repository of the class's own, reset before each test, whose cache the
/// fixture's first load filled.
/// </summary>
public sealed class AnalysisMemoryTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    private const string Target = "src/Shop.Application/OrderService.cs";

    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Runs_from_memory_give_the_bytes_of_runs_from_the_cache_file_and_an_unchanged_repository_binds_nothing()
    {
        // Given a memory whose first run starts from the class's cache file
        var memory = new AnalysisMemory();
        var options = Options();
        var first = await PackAsync(memory, options);

        // When packed again unchanged; after an edit to a type the target uses (Roslyn's solution is then built);
        // and after an edit to the target (its new text handed to that solution)
        var again = await PackAsync(memory, options);
        shop.Edit("src/Shop.Domain/Orders/Money.cs", "public readonly record struct Money", "/// <summary>An amount in one currency.</summary>\npublic readonly record struct Money");
        var afterType = await PackAsync(memory, options);
        var fromFileAfterType = await shop.PackAsync(options);
        shop.Edit(Target, "    public OrderService(", "    public static Money Nothing() => Money.Zero(\"EUR\");\n\n    public OrderService(");
        var afterTarget = await PackAsync(memory, options);
        var fromFileAfterTarget = await shop.PackAsync(options);

        // Then
        Assert.Equal("warm: 0 changed file(s)", first.Cache.ToString());
        Assert.Equal("memory: 0 changed file(s)", again.Cache.ToString());
        Assert.Equal(0, again.Stats.BoundFiles);
        Assert.Equal(first.ManifestText, again.ManifestText);
        Assert.Equal("memory: 1 changed file(s)", afterType.Cache.ToString());
        Assert.Equal(fromFileAfterType.ManifestText, afterType.ManifestText);
        Assert.Equal(fromFileAfterType.Bundle, afterType.Bundle);
        Assert.Equal("memory: 1 changed file(s)", afterTarget.Cache.ToString());
        Assert.Equal(fromFileAfterTarget.ManifestText, afterTarget.ManifestText);
        Assert.Equal(fromFileAfterTarget.Bundle, afterTarget.Bundle);
        Assert.Contains("Nothing()", afterTarget.Bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_project_file_drops_what_memory_kept()
    {
        // Given a memory that kept the repository as it is
        var memory = new AnalysisMemory();
        var options = Options();
        await PackAsync(memory, options);
        var filter = new FileFilter(options.Include, options.Exclude);
        var store = memory.For(options.CacheDirectory!, SolutionFinder.Find(options.SolutionPath), filter, null, options.ConfigFile);

        // When a project file changes, the next run asks the memory for a start (as ContextPacker does)
        shop.Edit("src/Shop.Domain/Shop.Domain.csproj", "</Project>", "  <!-- touched -->\n</Project>");
        var lookup = store.TryReuse(filter);

        // Then it is told to load cold, and why
        Assert.Null(lookup.Warm);
        Assert.Equal("cold: src/Shop.Domain/Shop.Domain.csproj changed", lookup.Outcome.ToString());
    }

    private PackOptions Options() => shop.Options(Target);

    private Task<PackResult> PackAsync(AnalysisMemory memory, PackOptions options) =>
        ContextPacker.PackAsync(options, shop.Root, memory, progress: null, CancellationToken.None);
}

using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Pipeline;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Caching;

/// <summary>
/// The persistent cache on a copied fixture, packed in process the way the tool does (MSBuild load, cache
/// read and write): a warm run gives the bytes of a cold one, each build input invalidates it, and a
/// damaged cache is rebuilt.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class AnalysisCacheTests
{
    private const string Target = "src/Shop.Application/OrderService.cs";

    [Fact]
    public async Task A_warm_run_gives_the_same_bundle_and_manifest_as_a_cold_run_without_loading_the_solution()
    {
        // Given a packed fixture
        var (root, options) = Setup();
        var cold = await PackAsync(options);

        // When it is packed again, and once more without the cache
        var warm = await PackAsync(options);
        var uncached = await PackAsync(options with { UseCache = false });

        // Then
        Assert.Equal("cold: no cache yet", cold.Cache);
        Assert.Equal("warm: 0 changed file(s)", warm.Cache);
        Assert.Equal("off", uncached.Cache);
        Assert.Equal(0, warm.Stats["boundFiles"]);
        Assert.True(cold.Stats["boundFiles"] > 0);
        Assert.Equal(uncached.Bundle, cold.Bundle);
        Assert.Equal(cold.Bundle, warm.Bundle);
        Assert.Equal(cold.Manifest, warm.Manifest);
        Assert.Single(Directory.GetFiles(options.CacheDirectory!, "Shop-*.cache"));
        Assert.Empty(Directory.GetFiles(root, "Shop-*.cache", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task After_edits_only_the_changed_files_and_their_neighbours_are_bound_and_the_result_equals_a_cold_run()
    {
        // Given a packed fixture
        var (root, options) = Setup();
        var cold = await PackAsync(options);

        // When the target gains a use of another type, and a type it uses changes
        Edit(root, Target, "    public OrderService(", "    public static Money Nothing() => Money.Zero(\"EUR\");\n\n    public OrderService(");
        Edit(root, "src/Shop.Domain/Orders/Money.cs", "public readonly record struct Money", "/// <summary>An amount in one currency.</summary>\npublic readonly record struct Money");
        var warm = await PackAsync(options);
        var uncached = await PackAsync(options with { UseCache = false });

        // Then
        Assert.Equal("warm: 2 changed file(s)", warm.Cache);
        Assert.InRange(warm.Stats["boundFiles"], 1, cold.Stats["boundFiles"] - 1);
        Assert.Equal(uncached.Bundle, warm.Bundle);
        Assert.Equal(uncached.Manifest, warm.Manifest);
        Assert.Contains("Nothing()", warm.Bundle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Shop.Domain/Shop.Domain.csproj", "src/Shop.Domain/Shop.Domain.csproj changed")]
    [InlineData("Shop.sln", "Shop.sln changed")]
    [InlineData("../Directory.Build.props", "Directory.Build.props changed")]
    [InlineData("../Directory.Build.targets", "Directory.Build.targets changed")]
    [InlineData("../Directory.Packages.props", "Directory.Packages.props changed")]
    [InlineData("src/Directory.Build.props", "src/Directory.Build.props changed")]
    [InlineData("global.json", "global.json changed")]
    [InlineData("packer.yaml", "packer.yaml changed")]
    [InlineData("src/Shop.Domain/Orders/Refund.cs", "C# files were added or removed")]
    [InlineData("-src/Shop.Domain/Customer.cs", "C# files were added or removed")]
    public async Task A_change_to_a_build_input_or_to_the_set_of_files_starts_cold(string change, string reason)
    {
        // Given a packed fixture (packer.yaml exists from the start; the other new files do not)
        var (root, options) = Setup();
        await PackAsync(options);

        // When
        var path = Path.GetFullPath(change.TrimStart('-'), root);
        if (change.StartsWith('-'))
        {
            File.Delete(path);
        }
        else if (path.EndsWith(".cs", StringComparison.Ordinal))
        {
            File.WriteAllText(path, "namespace Shop.Domain.Orders;\n\npublic sealed record Refund(Money Amount);\n");
        }
        else if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            File.WriteAllText(path, "{ }\n");
        }
        else if (File.Exists(path))
        {
            File.AppendAllText(path, path.EndsWith(".yaml", StringComparison.Ordinal) ? "# edited\n" : "\n");
        }
        else
        {
            File.WriteAllText(path, "<Project>\n</Project>\n");
        }

        var after = await PackAsync(options);

        // Then it says why it started cold, its result is a cold run's, and the next run is warm again
        Assert.StartsWith("cold: ", after.Cache, StringComparison.Ordinal);
        Assert.EndsWith(reason, after.Cache, StringComparison.Ordinal);
        Assert.Equal((await PackAsync(options with { UseCache = false })).Bundle, after.Bundle);
        Assert.StartsWith("warm:", (await PackAsync(options)).Cache, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_outside_the_solution_is_analysed_the_same_way_warm_as_cold()
    {
        // Given a sample file that no project compiles, as the target
        var (root, options) = Setup();
        Directory.CreateDirectory(Path.Combine(root, "samples"));
        File.WriteAllText(
            Path.Combine(root, "samples", "Demo.cs"),
            "using Shop.Application;\nusing Shop.Domain.Orders;\n\npublic static class Demo\n{\n    public static Money Total(OrderService service) => Money.Zero(\"EUR\");\n}\n");
        options = options with { Targets = ["samples/Demo.cs"] };
        var cold = await PackAsync(options);

        // When
        var warm = await PackAsync(options);

        // Then the warm run built the solution from its snapshot to bind the sample, and agrees
        Assert.Equal("warm: 0 changed file(s)", warm.Cache);
        Assert.Equal(cold.Bundle, warm.Bundle);
        Assert.Equal(cold.Manifest, warm.Manifest);
        Assert.Contains("src/Shop.Domain/Orders/Money.cs", warm.Bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compiled_file_that_does_not_exist_yet_does_not_keep_the_cache_cold()
    {
        // Given a project that compiles a file a build step would generate, and has not
        var (root, options) = Setup();
        Edit(root, "src/Shop.Domain/Shop.Domain.csproj", "</Project>", "  <ItemGroup>\n    <Compile Include=\"Generated/Native.g.cs\" />\n  </ItemGroup>\n</Project>");
        await PackAsync(options);

        // When
        var warm = await PackAsync(options);

        // Then
        Assert.Equal("warm: 0 changed file(s)", warm.Cache);
    }

    [Fact]
    public async Task A_new_commit_is_seen_by_a_warm_run_through_the_git_history()
    {
        // Given a packed fixture in a git repository
        var (root, options) = Setup();
        var repository = await GitRepository.InitAsync(root);
        await PackAsync(options);

        // When a commit changes the order's evidence (OrderLine.cs becomes the most recently changed file)
        File.AppendAllText(Path.Combine(root, "src", "Shop.Domain", "Orders", "OrderLine.cs"), "// touched\n");
        await repository.CommitAllAsync("touch OrderLine");
        var warm = await PackAsync(options);

        // Then the warm run reads the new log and agrees with a cold run
        Assert.Equal("warm: 1 changed file(s)", warm.Cache);
        Assert.Equal((await PackAsync(options with { UseCache = false })).Manifest, warm.Manifest);
    }

    [Fact]
    public async Task A_cache_written_by_another_build_of_the_tool_is_not_reused()
    {
        // Given a cache that says another build of the tool wrote it (intact, with a valid checksum)
        var (_, options) = Setup();
        await PackAsync(options);
        var file = Directory.GetFiles(options.CacheDirectory!).Single();
        var cache = CacheFormat.Read(File.ReadAllBytes(file));
        File.WriteAllBytes(file, CacheFormat.Write(cache with { Settings = cache.Settings.Replace("tool=", "tool=0.0.0-other/", StringComparison.Ordinal) }));

        // When
        var result = await PackAsync(options);

        // Then
        Assert.Equal("cold: the tool or its settings changed", result.Cache);
    }

    [Fact]
    public async Task Other_include_globs_do_not_reuse_the_cache()
    {
        // Given a packed fixture
        var (_, options) = Setup();
        await PackAsync(options);

        // When the include globs change (they are part of the cache's identity)
        var other = await PackAsync(options with { Include = ["**/*.md"] });

        // Then a separate cache starts cold, and the first is left as it was
        Assert.Equal("cold: no cache yet", other.Cache);
        Assert.Equal(2, Directory.GetFiles(options.CacheDirectory!).Length);
        Assert.StartsWith("warm:", (await PackAsync(options)).Cache, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("garbage")]
    public async Task A_damaged_cache_is_rebuilt_and_never_trusted(string damage)
    {
        // Given a packed fixture whose cache file is then damaged
        var (_, options) = Setup();
        var cold = await PackAsync(options);
        var file = Directory.GetFiles(options.CacheDirectory!).Single();
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "truncated":
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case "flipped":
                bytes[bytes.Length / 3] ^= 0x5A;
                break;
            default:
                bytes = "not a cache"u8.ToArray();
                break;
        }

        File.WriteAllBytes(file, bytes);

        // When
        var rebuilt = await PackAsync(options);

        // Then
        Assert.StartsWith("cold: the cache could not be read", rebuilt.Cache, StringComparison.Ordinal);
        Assert.Equal(cold.Bundle, rebuilt.Bundle);
        Assert.Equal(cold.Manifest, rebuilt.Manifest);
        Assert.StartsWith("warm:", (await PackAsync(options)).Cache, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_cache_nothing_is_read_or_written()
    {
        var (_, options) = Setup();

        var result = await PackAsync(options with { UseCache = false });

        Assert.Equal("off", result.Cache);
        Assert.False(Directory.Exists(options.CacheDirectory) && Directory.EnumerateFileSystemEntries(options.CacheDirectory).Any());
    }

    private static (string Root, PackOptions Options) Setup()
    {
        var root = Fixtures.Copy("Shop");
        var config = Path.Combine(root, "packer.yaml");
        File.WriteAllText(config, "maxTokens: 4000\n");
        var options = new PackOptions
        {
            SolutionPath = Path.Combine(root, "Shop.sln"),
            Targets = [Target],
            MaxTokens = 4000,
            CacheDirectory = Path.Combine(TempFolder.Create(), "cache"),
            ConfigFile = config,
        };
        return (root, options);
    }

    private static Task<PackResult> PackAsync(PackOptions options) =>
        ContextPacker.PackAsync(options, Path.GetDirectoryName(options.SolutionPath)!, progress: null, CancellationToken.None);

    private static void Edit(string root, string path, string anchor, string replacement)
    {
        var full = Path.Combine(root, path);
        var text = File.ReadAllText(full);
        Assert.Contains(anchor, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(anchor, replacement, StringComparison.Ordinal));
    }
}

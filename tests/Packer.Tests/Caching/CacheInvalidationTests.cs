using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Caching;

/// <summary>
/// When the cache must not be trusted: a build input or the set of C# files changed, another build of the tool
/// or other globs wrote it, or it is damaged. Most cases ask the cache itself (<see cref="SolutionCache.TryReuse"/>)
/// what it would do, so that only the cases that check the cold run's result load the solution again.
/// </summary>
public sealed class CacheInvalidationTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    private const string Target = "src/Shop.Application/OrderService.cs";

    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
        // Given a cache that holds the repository as it is (packer.yaml exists from the start; the other new files do not)
        await shop.PackAsync(Options());
        var before = Lookup();

        // When
        var path = Path.GetFullPath(change.TrimStart('-'), shop.Root);
        var original = File.Exists(path) ? File.ReadAllBytes(path) : null;
        try
        {
            Change(path, change.StartsWith('-'));
            var after = Lookup();

            // Then it says why it starts cold
            Assert.Equal("warm: 0 changed file(s)", before.Outcome.ToString());
            Assert.Null(after.Warm);
            Assert.StartsWith("cold: ", after.Outcome.ToString(), StringComparison.Ordinal);
            Assert.EndsWith(reason, after.Outcome.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Restore(path, original); // the fixtures' shared files lie outside the repository, which the next reset restores
        }
    }

    [Fact]
    public async Task A_cold_run_after_a_project_changed_gives_a_cold_runs_result_and_the_next_run_is_warm_again()
    {
        // Given a cache of its own that holds the repository as it is
        var options = Options() with { CacheDirectory = shop.CopyOfCache() };
        var before = await shop.PackAsync(options);

        // When a project file changes (it keeps its meaning)
        File.AppendAllText(shop.PathOf("src/Shop.Domain/Shop.Domain.csproj"), "\n");
        var after = await shop.PackAsync(options);

        // Then
        Assert.Equal("cold: src/Shop.Domain/Shop.Domain.csproj changed", after.Cache.ToString());
        Assert.Equal(before.Bundle, after.Bundle);
        Assert.Equal(before.ManifestText, after.ManifestText);
        Assert.StartsWith("warm:", (await shop.PackAsync(options)).Cache.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compiled_file_that_does_not_exist_yet_does_not_keep_the_cache_cold()
    {
        // Given a project that compiles a file a build step would generate, and has not
        var options = Options() with { CacheDirectory = shop.CopyOfCache() };
        shop.Edit("src/Shop.Domain/Shop.Domain.csproj", "</Project>", "  <ItemGroup>\n    <Compile Include=\"Generated/Native.g.cs\" />\n  </ItemGroup>\n</Project>");
        await shop.PackAsync(options);

        // When
        var warm = await shop.PackAsync(options);

        // Then
        Assert.Equal("warm: 0 changed file(s)", warm.Cache.ToString());
    }

    [Fact]
    public async Task A_cache_written_by_another_build_of_the_tool_is_not_reused()
    {
        // Given a cache that says another build of the tool wrote it (intact, with a valid checksum)
        await shop.PackAsync(Options());
        var folder = shop.CopyOfCache();
        var file = Directory.GetFiles(folder).Single();
        var cache = CacheFormat.Read(File.ReadAllBytes(file));
        File.WriteAllBytes(file, CacheFormat.Write(cache with { Settings = cache.Settings.Replace("tool=", "tool=0.0.0-other/", StringComparison.Ordinal) }));

        // When
        var lookup = Lookup(folder);

        // Then
        Assert.Equal("cold: the tool or its settings changed", lookup.Outcome.ToString());
    }

    [Fact]
    public async Task Other_include_globs_do_not_reuse_the_cache()
    {
        // Given a cache that holds the repository as it is
        await shop.PackAsync(Options());

        // When the include globs differ (they are part of the cache's identity)
        var other = Lookup(filter: new FileFilter(["**/*.md"], []));

        // Then a separate cache starts cold, and the first is as it was
        Assert.Equal("cold: no cache yet", other.Outcome.ToString());
        Assert.Equal("warm: 0 changed file(s)", Lookup().Outcome.ToString());
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("garbage")]
    public async Task A_damaged_cache_is_never_trusted(string damage)
    {
        // Given a cache that is then damaged
        await shop.PackAsync(Options());
        var folder = shop.CopyOfCache();
        Damage(Directory.GetFiles(folder).Single(), damage);

        // When
        var lookup = Lookup(folder);

        // Then
        Assert.Null(lookup.Warm);
        Assert.StartsWith("cold: the cache could not be read", lookup.Outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_cache_is_rebuilt_by_the_next_run()
    {
        // Given a cache that is then damaged
        var options = Options() with { CacheDirectory = shop.CopyOfCache() };
        var before = await shop.PackAsync(options);
        Damage(Directory.GetFiles(options.CacheDirectory!).Single(), "flipped");

        // When
        var rebuilt = await shop.PackAsync(options);

        // Then
        Assert.StartsWith("cold: the cache could not be read", rebuilt.Cache.ToString(), StringComparison.Ordinal);
        Assert.Equal(before.Bundle, rebuilt.Bundle);
        Assert.Equal(before.ManifestText, rebuilt.ManifestText);
        Assert.StartsWith("warm:", (await shop.PackAsync(options)).Cache.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_that_keeps_a_files_size_is_found_and_a_file_whose_stamp_is_as_recorded_is_not_read_again()
    {
        // Given a cache written when a file's last change was long past (so its stamp was recorded with its hash)
        var options = Options() with { CacheDirectory = shop.CopyOfCache() };
        var customer = shop.PathOf("src/Shop.Domain/Customer.cs");
        var settled = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(customer, settled);
        await shop.PackAsync(options);
        var text = File.ReadAllText(customer);
        var sameSize = text.Replace("Customer", "Cuztomer", StringComparison.Ordinal);

        // When it is edited without changing its size (its time of change moves), and then edited again with its
        // old time of change put back, as a tool that copies times might
        File.WriteAllText(customer, sameSize);
        var edited = Lookup(options.CacheDirectory);
        File.WriteAllText(customer, text.Replace("Customer", "Kustomer", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(customer, settled);
        var stampKept = Lookup(options.CacheDirectory);

        // Then the first is a changed file; the second is trusted, as git trusts its index (its text is still read fresh when packed)
        Assert.Equal(text.Length, sameSize.Length);
        Assert.Equal("warm: 1 changed file(s)", edited.Outcome.ToString());
        Assert.Equal("warm: 0 changed file(s)", stampKept.Outcome.ToString());
    }

    private PackOptions Options() => shop.Options(Target) with { MaxTokens = 4000 };

    // What the cache of a pack with Options() would do now.
    private CacheLookup Lookup(string? folder = null, FileFilter? filter = null)
    {
        filter ??= new FileFilter([], []);
        return new SolutionCache(folder ?? shop.CacheDirectory, shop.SolutionPath, filter, focus: null, shop.ConfigFile).TryReuse(filter);
    }

    private static void Change(string path, bool delete)
    {
        if (delete)
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
    }

    private static void Restore(string path, byte[]? original)
    {
        if (original is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllBytes(path, original);
        }
    }

    private static void Damage(string file, string damage)
    {
        var bytes = File.ReadAllBytes(file);
        bytes = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "garbage" => "not a cache"u8.ToArray(),
            _ => Flip(bytes),
        };
        File.WriteAllBytes(file, bytes);
    }

    private static byte[] Flip(byte[] bytes)
    {
        bytes[bytes.Length / 3] ^= 0x5A;
        return bytes;
    }
}

using Packer.Core.Configuration;
using Packer.Core.Output;
using Packer.Core.Pipeline;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Caching;

/// <summary>
/// A warm run (the solution rebuilt from the cache, only changed files read again) gives the bytes of a cold
/// run: after edits, a new commit, and for a target outside the solution. Packed in process the way the tool
/// does (MSBuild load, cache read and write), on one Shop repository reset before each test.
/// </summary>
public sealed class AnalysisCacheTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    private const string Target = "src/Shop.Application/OrderService.cs";

    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_warm_run_gives_the_same_bundle_and_manifest_as_a_cold_run_without_loading_the_solution()
    {
        // Given a cold run with a cache of its own
        var options = Options() with { CacheDirectory = Path.Combine(TempFolder.Create(), "cache") };
        var cold = await shop.PackAsync(options);

        // When it is packed again, and once more without the cache
        var warm = await shop.PackAsync(options);
        var uncached = await shop.PackAsync(options with { UseCache = false });

        // Then
        Assert.Equal("cold: no cache yet", cold.Cache.ToString());
        Assert.Equal("warm: 0 changed file(s)", warm.Cache.ToString());
        Assert.Equal("off", uncached.Cache.ToString());
        Assert.Equal(0, warm.Stats.BoundFiles);
        Assert.True(cold.Stats.BoundFiles > 0);
        Assert.Equal(uncached.Bundle, cold.Bundle);
        Assert.Equal(cold.Bundle, warm.Bundle);
        Assert.Equal(cold.ManifestText, warm.ManifestText);
        Assert.Single(Directory.GetFiles(options.CacheDirectory!, "Shop-*.cache"));
        Assert.Empty(Directory.GetFiles(shop.Root, "Shop-*.cache", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task After_edits_only_the_changed_files_and_their_neighbours_are_bound_and_the_result_equals_a_cold_run()
    {
        // Given a cache that holds the repository as it is
        var options = Options();
        await shop.PackAsync(options);

        // When the target gains a use of another type, and a type it uses changes
        shop.Edit(Target, "    public OrderService(", "    public static Money Nothing() => Money.Zero(\"EUR\");\n\n    public OrderService(");
        shop.Edit("src/Shop.Domain/Orders/Money.cs", "public readonly record struct Money", "/// <summary>An amount in one currency.</summary>\npublic readonly record struct Money");
        var warm = await shop.PackAsync(options);
        var uncached = await shop.PackAsync(options with { UseCache = false });

        // Then
        Assert.Equal("warm: 2 changed file(s)", warm.Cache.ToString());
        Assert.InRange(warm.Stats.BoundFiles, 1, shop.Initial.Stats.BoundFiles - 1);
        Assert.Equal(uncached.Bundle, warm.Bundle);
        Assert.Equal(uncached.ManifestText, warm.ManifestText);
        Assert.Contains("Nothing()", warm.Bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_binds_nothing_an_edit_inside_a_body_that_file_alone_and_one_of_a_signature_its_users_too_each_as_a_cold_run_would()
    {
        // Given a cache that holds the repository as it is
        var options = Options();
        await shop.PackAsync(options);

        // When a comment of a type that most files use changes, then a body, then one of its signatures
        shop.Edit("src/Shop.Domain/Orders/Money.cs", "/// <summary>An amount in one currency.</summary>", "/// <summary>An amount of money in one currency.</summary>");
        var comment = await shop.PackAsync(options);
        shop.Edit("src/Shop.Domain/Orders/Money.cs", "Amount = Amount * quantity", "Amount = quantity * Amount");
        var body = await shop.PackAsync(options);
        var bodyCold = await shop.PackAsync(options with { UseCache = false });
        shop.Edit("src/Shop.Domain/Orders/Money.cs", "public Money Times(int quantity)", "public Money Times(long quantity)");
        var signature = await shop.PackAsync(options);
        var signatureCold = await shop.PackAsync(options with { UseCache = false });

        // Then the comment binds nothing, the body's edit at most the file itself, the signature's its users as well, and
        // both give a cold run's bytes
        Assert.Equal(0, comment.Stats.BoundFiles);
        Assert.InRange(body.Stats.BoundFiles, 0, 1);
        Assert.True(signature.Stats.BoundFiles > 1, $"{signature.Stats.BoundFiles} files bound");
        Assert.Equal(bodyCold.Bundle, body.Bundle);
        Assert.Equal(bodyCold.ManifestText, body.ManifestText);
        Assert.Equal(signatureCold.Bundle, signature.Bundle);
        Assert.Equal(signatureCold.ManifestText, signature.ManifestText);
    }

    [Theory]
    [InlineData("a body of a file the target uses")]
    [InlineData("a new type in a file, used by the target")]
    [InlineData("a member that another file uses, removed")]
    [InlineData("a type that another file uses, renamed in its file")]
    [InlineData("a using directive of the target, removed")]
    public async Task Each_kind_of_edit_gives_a_cold_runs_bytes(string edit)
    {
        // Given a cache that holds the repository as it is
        var options = Options();
        await shop.PackAsync(options);

        // When
        var changed = Edit(edit);
        var warm = await shop.PackAsync(options);
        var cold = await shop.PackAsync(options with { UseCache = false });

        // Then only the edited files were read again, and the bytes are a cold run's
        Assert.Equal($"warm: {changed} changed file(s)", warm.Cache.ToString());
        Assert.Equal(cold.Bundle, warm.Bundle);
        Assert.Equal(cold.ManifestText, warm.ManifestText);
    }

    [Fact]
    public async Task A_target_outside_the_solution_is_analysed_the_same_way_warm_as_cold()
    {
        // Given a cache that holds the repository as it is, and a sample file that no project compiles, as the target
        await shop.PackAsync(Options());
        Directory.CreateDirectory(shop.PathOf("samples"));
        File.WriteAllText(
            shop.PathOf("samples/Demo.cs"),
            "using Shop.Application;\nusing Shop.Domain.Orders;\n\npublic static class Demo\n{\n    public static Money Total(OrderService service) => Money.Zero(\"EUR\");\n}\n");
        var options = Options() with { Targets = [TargetSpec.Parse("samples/Demo.cs")] };

        // When
        var warm = await shop.PackAsync(options);

        // Then the warm run built the solution from its snapshot to bind the sample, and agrees with a cold one
        Assert.Equal("warm: 0 changed file(s)", warm.Cache.ToString());
        var cold = await shop.PackAsync(options with { UseCache = false });
        Assert.Equal(cold.Bundle, warm.Bundle);
        Assert.Equal(cold.ManifestText, warm.ManifestText);
        Assert.Contains("src/Shop.Domain/Orders/Money.cs", warm.Bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_commit_is_seen_by_a_warm_run_through_the_git_history()
    {
        // Given a cache that holds the repository as it is
        var options = Options();
        await shop.PackAsync(options);

        // When a commit changes the order's evidence (OrderLine.cs becomes the most recently changed file)
        File.AppendAllText(shop.PathOf("src/Shop.Domain/Orders/OrderLine.cs"), "// touched\n");
        await shop.Repository.CommitAllAsync("touch OrderLine");
        var warm = await shop.PackAsync(options);

        // Then the warm run reads the new log and agrees with a cold run
        Assert.Equal("warm: 1 changed file(s)", warm.Cache.ToString());
        Assert.Equal((await shop.PackAsync(options with { UseCache = false })).ManifestText, warm.ManifestText);
    }

    [Fact]
    public async Task Without_the_cache_nothing_is_read_or_written()
    {
        var options = Options() with { CacheDirectory = Path.Combine(TempFolder.Create(), "cache"), UseCache = false };

        var result = await shop.PackAsync(options);

        Assert.Equal("off", result.Cache.ToString());
        Assert.False(Directory.Exists(options.CacheDirectory));
    }

    [Fact]
    public async Task A_run_whose_every_input_is_as_it_was_repeats_the_last_bundle_and_any_change_packs_again_as_a_cold_run_would()
    {
        // Given a cache of its own, a cold run, and a warm run that keeps its bundle
        var folder = TempFolder.Create();
        var options = Options() with { CacheDirectory = Path.Combine(folder, "cache"), Output = Path.Combine(folder, "context.xml"), Manifest = Path.Combine(folder, "context.json") };
        await RepeatAsync(options);
        var warm = await RepeatAsync(options);

        // When it is packed again with nothing changed, then after each change of an input (each run beside a cold
        // run of the repository as it then is)
        var repeated = await WithColdAsync(options);
        var otherCap = await WithColdAsync(options with { MaxTokens = 3000 });
        var otherFolder = (Result: await RepeatAsync(options, shop.PathOf("src")), repeated.Cold); // the inputs of the repeat: its cold run
        shop.Edit("src/Shop.Domain/Orders/Money.cs", "public readonly record struct Money", "// A comment.\npublic readonly record struct Money");
        File.SetLastWriteTimeUtc(shop.PathOf("src/Shop.Domain/Orders/Money.cs"), DateTime.UtcNow.AddMinutes(-1)); // settled: the run records its stamp
        var edited = await WithColdAsync(options);
        var editedAgain = (Result: await RepeatAsync(options), edited.Cold);
        await File.WriteAllTextAsync(shop.PathOf("notes.txt"), "not part of the solution, but of git's working tree\n");
        var untracked = await WithColdAsync(options);
        await shop.Repository.CommitAllAsync("notes");
        var committed = await WithColdAsync(options);
        File.AppendAllText(options.Output!, "<!-- edited by hand -->\n");
        var bundleEdited = await RepeatAsync(options);

        // Then a repeat is the last run's bytes, and every run after a change packs again; each is a cold run's bytes
        Assert.Equal("warm: 0 changed file(s)", warm.Cache.ToString());
        Assert.Equal("warm: the last run's bundle, as every input is as it was", repeated.Result.Cache.ToString());
        Assert.Equal(0, repeated.Result.Stats.BoundFiles);
        Assert.Empty(repeated.Result.Ranked);
        Assert.Contains("the last run's bundle", editedAgain.Result.Cache.ToString(), StringComparison.Ordinal);
        foreach (var again in new[] { otherCap, otherFolder, edited, untracked, committed })
        {
            Assert.DoesNotContain("last run", again.Result.Cache.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("last run", bundleEdited.Cache.ToString(), StringComparison.Ordinal);
        Assert.Equal(committed.Cold.Bundle, bundleEdited.Bundle);

        foreach (var (result, cold) in new[] { repeated, otherCap, otherFolder, edited, editedAgain, untracked, committed })
        {
            Assert.Equal(cold.Bundle, result.Bundle);
            Assert.Equal(cold.ManifestText, result.ManifestText);
            Assert.Equal(cold.Warnings, result.Warnings);
        }
    }

    // Packs as the command line does: a run that may repeat the last, its bundle then written to its file.
    private async Task<PackResult> RepeatAsync(Core.Configuration.PackOptions options, string? workingDirectory = null)
    {
        var result = await ContextPacker.PackOrRepeatAsync(options, workingDirectory ?? shop.Root, progress: null, CancellationToken.None);
        OutputWriter.Write([(options.Output!, result.Bundle), (options.Manifest!, result.ManifestText)]);
        return result;
    }

    // A run that may repeat the last, and a cold run of the repository as it is.
    private async Task<(PackResult Result, PackResult Cold)> WithColdAsync(Core.Configuration.PackOptions options) =>
        (await RepeatAsync(options), await shop.PackAsync(options with { UseCache = false }));

    private Core.Configuration.PackOptions Options() => shop.Options(Target) with { MaxTokens = 4000 };

    // Makes one kind of edit; returns how many files it changed.
    private int Edit(string edit)
    {
        const string money = "src/Shop.Domain/Orders/Money.cs";
        switch (edit)
        {
            case "a body of a file the target uses":
                shop.Edit(money, "return this with { Amount = Amount + other.Amount };", "var sum = Amount + other.Amount;\n        return this with { Amount = sum };");
                return 1;
            case "a new type in a file, used by the target":
                File.AppendAllText(shop.PathOf(money), "\n/// <summary>A share taken off a price.</summary>\npublic sealed record Discount(decimal Rate);\n");
                shop.Edit(Target, "var order = new Order(id, currency);", "var order = new Order(id, currency);\n        _ = new Discount(0.1m);");
                return 2;
            case "a member that another file uses, removed":
                shop.Edit(money, "    public Money Times(int quantity) => this with { Amount = Amount * quantity };\n", string.Empty);
                return 1;
            case "a type that another file uses, renamed in its file":
                shop.Edit("src/Shop.Domain/Orders/OrderStatus.cs", "public enum OrderStatus", "public enum OrderState");
                return 1;
            default:
                shop.Edit(Target, "using Shop.Application.Extensions;\n", string.Empty);
                return 1;
        }
    }
}

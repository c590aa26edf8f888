using System.Reflection;
using Packer.Core.Bundle;
using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Output;
using Packer.Core.Pipeline;
using Packer.Core.Redaction;
using Packer.Core.Text;
using Packer.Tests.Infrastructure;
using Packer.Tests.Manifest;

namespace Packer.Tests.Caching;

/// <summary>The last run's file on its own: what it keeps reads back as it was, under its key alone, and never from a damaged file; every option is part of the key.</summary>
public sealed class LastRunTests
{
    [Fact]
    public void A_run_repeats_while_every_input_is_as_it_was_and_its_bundle_file_holds_its_bytes_and_the_file_keeps_no_file_text()
    {
        // Given a kept result, its bundle written as the command line writes it
        var folder = new Folder();
        var result = Sample();
        folder.Keep(result);

        // When it is asked for as it was, then after each change of an input
        var read = folder.Repeat();
        var otherCap = folder.Repeat(folder.Options with { MaxTokens = 8000 });
        var otherFolder = folder.Repeat(workingDirectory: Path.GetTempPath());
        File.AppendAllText(folder.Bundle, "\n");
        var bundleChanged = folder.Repeat();
        folder.Keep(result);
        File.AppendAllText(folder.Source, "// edited\n");
        var sourceChanged = folder.Repeat();
        folder.Keep(result);
        File.WriteAllText(Path.Combine(folder.Root, "src", "Added.cs"), "class Added;\n");
        var sourceAdded = folder.Repeat();
        File.Delete(Path.Combine(folder.Root, "src", "Added.cs"));
        File.AppendAllText(folder.Solution, "\n");
        var inputChanged = folder.Repeat();

        // Then
        Assert.NotNull(read);
        Assert.Equal(result.Bundle, read.Bundle);
        Assert.Equal(result.ManifestText, read.ManifestText);
        Assert.Equal(result.TotalTokens, read.TotalTokens);
        Assert.Equal(["project:Shop.Domain"], read.Summary!.Targets);
        Assert.Equal(result.Summary!.Files, read.Summary.Files);
        Assert.Equal("namespace:Shop.Domain.Orders", Assert.Single(read.Summary.Narrower).Spec);
        Assert.Equal(result.ManifestText, ManifestJson.Write(read.Manifest));
        Assert.Equal(result.Warnings, read.Warnings);
        Assert.Equal(result.Stats with { ChangedFiles = 0, BoundFiles = 0 }, read.Stats);
        Assert.All(new[] { otherCap, otherFolder, bundleChanged, sourceChanged, sourceAdded, inputChanged }, Assert.Null);
        Assert.DoesNotContain(SecretLikeText, File.ReadAllText(folder.LastRunFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_wrote_no_manifest_keeps_none_and_its_repeat_has_everything_else()
    {
        // Given a kept result of a run without --manifest
        var folder = new Folder();
        var options = folder.Options with { Manifest = null };
        var result = Sample();
        folder.Keep(result, options);

        // When it is repeated
        var read = folder.Repeat(options);

        // Then
        Assert.NotNull(read);
        Assert.Equal(result.Bundle, read.Bundle);
        Assert.Equal(result.TotalTokens, read.TotalTokens);
        Assert.Equal("namespace:Shop.Domain.Orders", Assert.Single(read.Summary!.Narrower).Spec);
        Assert.Throws<InvalidOperationException>(() => read.ManifestText);
        Assert.DoesNotContain("\"schemaVersion\"", File.ReadAllText(folder.LastRunFile), StringComparison.Ordinal);
    }

    [Fact]
    public void The_extra_files_the_include_globs_select_are_checked_and_a_new_one_is_another_solution()
    {
        // Given a kept result of a run whose globs selected no extra file
        var folder = new Folder();
        folder.Keep(Sample());

        // When it is asked for with globs that still select none, then after a file they select appeared
        var globs = new FileFilter(["*.md"], []);
        var none = folder.Repeat(filter: globs);
        File.WriteAllText(Path.Combine(folder.Root, "NOTES.md"), "# Notes\n");
        var added = folder.Repeat(filter: globs);

        // Then
        Assert.NotNull(none);
        Assert.Null(added);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(200)]
    public void A_truncated_or_altered_file_is_a_miss(int at)
    {
        // Given a kept result, then the file cut short or with one byte changed
        var folder = new Folder();
        folder.Keep(Sample());
        var bytes = File.ReadAllBytes(folder.LastRunFile);

        // When
        File.WriteAllBytes(folder.LastRunFile, bytes[..at]);
        var truncated = folder.Repeat();
        bytes[at] ^= 1;
        File.WriteAllBytes(folder.LastRunFile, bytes);
        var altered = folder.Repeat();

        // Then
        Assert.Null(truncated);
        Assert.Null(altered);
    }

    [Fact]
    public void Every_option_is_part_of_the_key()
    {
        // Given options with every property set, and for each property a value other than that
        var options = new PackOptions { SolutionPath = "/repo/Shop.sln" };
        var others = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(PackOptions.SolutionPath)] = "/repo/Other.sln",
            [nameof(PackOptions.Targets)] = new List<TargetSpec> { TargetSpec.Parse("project:Shop.Domain") },
            [nameof(PackOptions.Task)] = "fix the rounding of Money",
            [nameof(PackOptions.WalkFromTask)] = false,
            [nameof(PackOptions.MaxTokens)] = 8000,
            [nameof(PackOptions.Tokenizer)] = "cl100k_base",
            [nameof(PackOptions.Format)] = BundleFormat.Markdown,
            [nameof(PackOptions.CacheMinTokens)] = 2048,
            [nameof(PackOptions.Output)] = "/repo/out.xml",
            [nameof(PackOptions.Manifest)] = "/repo/out.json",
            [nameof(PackOptions.Previous)] = "/repo/before.json",
            [nameof(PackOptions.EditRoom)] = 20,
            [nameof(PackOptions.Include)] = new List<string> { "**/*.md" },
            [nameof(PackOptions.Exclude)] = new List<string> { "**/Migrations/**" },
            [nameof(PackOptions.UseCache)] = false,
            [nameof(PackOptions.CacheDirectory)] = "/cache",
            [nameof(PackOptions.Redaction)] = new RedactionOptions { Allow = new RedactionAllowList { Values = ["not-a-secret"] } },
            [nameof(PackOptions.MaxFileBytes)] = 1024L,
            [nameof(PackOptions.Force)] = true,
            [nameof(PackOptions.DepFile)] = "/repo/out.d",
            [nameof(PackOptions.OutputsOwner)] = "msbuild",
            [nameof(PackOptions.ConfigLocations)] = new Dictionary<string, SourceLocation>(StringComparer.Ordinal) { ["maxTokens"] = new("/repo/packer.yaml", "packer.yaml", 3, 1) },
            [nameof(PackOptions.ConfigFile)] = "/repo/packer.yaml",
        };
        var properties = typeof(PackOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();

        // When each property in turn takes its other value
        var keys = properties.ToDictionary(p => p.Name, p =>
        {
            var changed = options with { };
            p.SetValue(changed, others[p.Name]);
            return LastRun.Describe(changed);
        });

        // Then every property has another value here, and each gives a key of its own
        Assert.Equal(properties.Select(p => p.Name).Order(), others.Keys.Order());
        Assert.All(keys, k => Assert.NotEqual(LastRun.Describe(options), k.Value));
        Assert.Equal(keys.Count, keys.Values.Distinct().Count());
    }

    private const string SecretLikeText = "public sealed class Money";

    private static PackResult Sample() => new(
        $"<context>\n<file path=\"src/Money.cs\">\n{SecretLikeText} {{ }}\n</file>\n</context>\n",
        ManifestJsonTests.Sample() with
        {
            Summary = new TargetSummary(["project:Shop.Domain"], 40, 90_000, 6, "every folder", 3, 2, 35, 0, 12, [new NarrowerTarget("namespace:Shop.Domain.Orders", 9, 7_000)]),
        },
        ["src/Big.cs is larger than the cap"],
        [new PhaseTiming("index", TimeSpan.FromSeconds(1))],
        new RunStats(Projects: 2, Files: 10, ChangedFiles: 1, BoundFiles: 3, GraphFiles: 7, Edges: 12, Included: 4, Listed: 2, KeptFiles: 0, AppendedEdits: 0, Outlined: 1),
        CacheOutcome.Off,
        PreviousOutcome.Off);

    // A repository of one project folder and one C# file (not a git repository), its last run's file, and the bundle file.
    private sealed class Folder
    {
        public Folder()
        {
            Directory.CreateDirectory(Path.Combine(Root, "src"));
            File.WriteAllText(Solution, "<Solution />\n");
            File.WriteAllText(Source, "namespace Shop;\n\npublic sealed class Money;\n");
            File.SetLastWriteTimeUtc(Source, DateTime.UtcNow.AddMinutes(-1));
            Options = new PackOptions { SolutionPath = Solution, Output = Bundle, Manifest = Path.Combine(Root, "context.json") };
        }

        public string Root { get; } = TempFolder.Create();

        public string Solution => Path.Combine(Root, "Shop.slnx");

        public string Source => Path.Combine(Root, "src", "Money.cs");

        public string LastRunFile => Path.Combine(Root, "cache", "Shop-0123.last");

        public string Bundle => Path.Combine(Root, "context.xml");

        public PackOptions Options { get; }

        // Keeps a result as a run of the repository as it is now, and writes its bundle.
        public void Keep(PackResult result, PackOptions? options = null)
        {
            options ??= Options;
            var sources = SourceScan.Scan([Path.Combine(Root, "src")]);
            var source = Path.GetRelativePath(Root, Source).Replace('\\', '/');
            var solution = new SolutionFingerprint(
                new SortedDictionary<string, string>(StringComparer.Ordinal) { [Solution] = ContentHash.OfFile(Solution) },
                sources.Digest,
                [Path.Combine(Root, "src")],
                [],
                [],
                [new FingerprintFile(source, sources.Stamps[Source], ContentHash.OfFile(Source))]);
            Directory.CreateDirectory(Path.GetDirectoryName(LastRunFile)!);
            LastRun.Write(LastRunFile, LastRun.Key(options, Root, solution, solution.Hashes, null), solution, options, result);
            OutputWriter.Write([(Bundle, result.Bundle)]);
        }

        public PackResult? Repeat(PackOptions? options = null, string? workingDirectory = null, FileFilter? filter = null) =>
            LastRun.TryRepeat(LastRunFile, options ?? Options, workingDirectory ?? Root, Root, filter ?? new FileFilter([], []), Bundle);
    }
}

using Packer.Core.Bundle;
using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// Inputs never leave the repository, and files that should not go in do not: a link to outside, a file git
/// ignores, a binary file, a file over the size limit; invalid UTF-8 is packed as U+FFFD with a warning.
/// </summary>
public sealed class InputSafetyTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    private const string Target = "src/Shop.Application/OrderService.cs";

    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_include_glob_does_not_follow_a_link_to_a_file_outside_the_repository()
    {
        // Given docs/passwd.md -> a file outside the repository
        var outside = Path.Combine(TempFolder.Create(), "passwd");
        File.WriteAllText(outside, "root:x:0:0:root:/root:/bin/bash\n");
        Directory.CreateDirectory(shop.PathOf("docs"));
        File.CreateSymbolicLink(shop.PathOf("docs/passwd.md"), outside);
        File.WriteAllText(shop.PathOf("docs/guide.md"), "# Guide\n");

        // When
        var result = await shop.PackAsync(shop.Options(Target) with { Include = ["docs/**"] });

        // Then
        Assert.DoesNotContain("root:x:0:0", result.Bundle, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Manifest.Files, f => f.Path == "docs/passwd.md");
        Assert.Contains(result.Manifest.Files, f => f.Path == "docs/guide.md");
        Assert.Contains("skipped docs/passwd.md: it is a symbolic link to a file outside the repository.", result.Warnings);
    }

    [Fact]
    public async Task A_compiled_file_that_links_outside_the_repository_is_skipped()
    {
        // Given a C# file in a project folder that is a link to a file outside the repository
        var outside = Path.Combine(TempFolder.Create(), "Outside.cs");
        File.WriteAllText(outside, "namespace Elsewhere;\n\npublic static class Leak { public const string Value = \"from outside\"; }\n");
        File.CreateSymbolicLink(shop.PathOf("src/Shop.Domain/Leak.cs"), outside);

        // When
        var result = await shop.PackAsync(shop.Options(Target) with { MaxTokens = 50_000 });

        // Then
        Assert.DoesNotContain("from outside", result.Bundle, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Manifest.Files, f => f.Path == "src/Shop.Domain/Leak.cs");
        Assert.Contains("skipped src/Shop.Domain/Leak.cs: it is a symbolic link to a file outside the repository.", result.Warnings);
    }

    [Fact]
    public async Task A_file_git_ignores_is_not_packed_through_an_include_glob()
    {
        File.WriteAllText(shop.PathOf(".gitignore"), "*.local.json\n");
        File.WriteAllText(shop.PathOf("settings.local.json"), "{ \"mine\": true }\n");
        File.WriteAllText(shop.PathOf("settings.json"), "{ \"shared\": true }\n");

        var result = await shop.PackAsync(shop.Options(Target) with { Include = ["*.json"] });

        Assert.DoesNotContain(result.Manifest.Files, f => f.Path == "settings.local.json");
        Assert.Contains(result.Manifest.Files, f => f.Path == "settings.json");
    }

    [Fact]
    public async Task A_binary_file_and_a_file_over_the_size_limit_are_not_packed_and_say_why()
    {
        File.WriteAllBytes(shop.PathOf("logo.dat"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
        File.WriteAllText(shop.PathOf("big.md"), new string('x', 5000) + "\n");

        var result = await shop.PackAsync(shop.Options(Target) with { Include = ["*.dat", "*.md"], MaxFileBytes = 4096 });

        var binary = result.Manifest.File("logo.dat");
        Assert.Equal("binary (it holds NUL bytes): not packed", binary.Reason);
        Assert.DoesNotContain(binary.Fidelity, (Fidelity[])[Fidelity.Full, Fidelity.Signatures]);
        var big = result.Manifest.File("big.md");
        Assert.Equal("larger than maxFileBytes (4096 bytes): listed, not packed", big.Reason);
        Assert.DoesNotContain(new string('x', 100), result.Bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_is_packed_as_replacement_characters_with_a_warning()
    {
        File.WriteAllBytes(shop.PathOf("notes.md"), [.. "caf"u8, 0xC3, 0x28, .. " ok\n"u8]);

        var result = await shop.PackAsync(shop.Options("notes.md") with { Include = ["notes.md"] });

        Assert.Contains("caf\uFFFD( ok", result.Bundle, StringComparison.Ordinal);
        Assert.Contains("notes.md is not valid UTF-8; its invalid bytes were packed as U+FFFD.", result.Warnings);
    }

    [Fact]
    public void Outside_a_git_work_tree_the_gitignore_files_are_honoured_as_git_would()
    {
        // Given a copy without .git (an unpacked archive), with .gitignore files at two levels
        var root = TempFolder.Create();
        Write(root, ".gitignore", "# local settings\n*.local.json\n!keep.local.json\nsecrets/\n/top.md\n");
        Write(root, "docs/.gitignore", "draft*\n!draft-final.md\n");
        string[] kept = ["docs/draft-final.md", "docs/top.md", "keep.local.json", "settings.json"];
        string[] ignored = ["docs/draft1.md", "docs/sub/draft2.md", "secrets/a.json", "settings.local.json", "top.md"];
        foreach (var path in kept.Concat(ignored))
        {
            Write(root, path, "{}\n");
        }

        // When
        var (files, _) = new FileFilter(["**/*.json", "**/*.md"], []).ExtraFiles(root);

        // Then
        Assert.Equal(kept, files);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public async Task A_wide_source_with_a_byte_order_mark_is_packed_as_text(string encoding)
    {
        // Given a target written in UTF-16 or UTF-32, with its byte order mark (as some Windows editors save)
        var text = "namespace Shop.Application;\n\n/// <summary>Wïde.</summary>\npublic static class Wide\n{\n}\n";
        var wide = System.Text.Encoding.GetEncoding(encoding);
        File.WriteAllBytes(shop.PathOf("src/Shop.Application/Wide.cs"), [.. wide.GetPreamble(), .. wide.GetBytes(text)]);

        // When
        var result = await shop.PackAsync(shop.Options("src/Shop.Application/Wide.cs"));

        // Then
        Assert.Contains(text, result.Bundle, StringComparison.Ordinal);
        Assert.Equal(Fidelity.Full, result.Manifest.Files.Single(f => f.Path == "src/Shop.Application/Wide.cs").Fidelity);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("Wide.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_that_is_a_loop_of_links_is_listed_saying_so()
    {
        File.CreateSymbolicLink(shop.PathOf("src/LoopA.cs"), "LoopB.cs");
        File.CreateSymbolicLink(shop.PathOf("src/LoopB.cs"), "LoopA.cs");

        var result = await shop.PackAsync(shop.Options("src/LoopA.cs"));

        Assert.Equal(
            "target file src/LoopA.cs is only listed: could not be read (a symbolic link that leads to no file: a loop of links, or a target that is gone).",
            result.Warnings.Single(w => w.StartsWith("target file", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Loading_leaves_the_repository_as_it_was()
    {
        // Given a cold load (a cache of its own)
        await shop.PackAsync(shop.Options(Target) with { CacheDirectory = Path.Combine(TempFolder.Create(), "cache") });

        // Then git sees nothing new: the load removed what MSBuild wrote under obj/
        var status = await ProcessResult.RunAsync("git", ["status", "--porcelain", "--untracked-files=all"], shop.Root);
        Assert.Equal(string.Empty, status.StandardOutput);
    }

    [Fact]
    public async Task Loading_a_solution_with_the_artifacts_layout_leaves_the_repository_as_it_was()
    {
        // Given the projects build into artifacts/ (UseArtifactsOutput), committed
        File.WriteAllText(shop.PathOf("Directory.Build.props"), "<Project>\n  <PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput></PropertyGroup>\n</Project>\n");
        await shop.Repository.CommitAllAsync("artifacts layout");

        // When it is loaded cold
        var result = await shop.PackAsync(shop.Options(Target) with { CacheDirectory = Path.Combine(TempFolder.Create(), "cache") });

        // Then git sees nothing new, ignored files included (no artifacts/ folder), the projects bound as before, each
        // target framework apart (no warning), and what the load sent to the temporary folder is gone (other classes'
        // loads may be running, each with a folder of its own; only this one has artifacts)
        var status = await ProcessResult.RunAsync("git", ["status", "--porcelain", "--untracked-files=all", "--ignored"], shop.Root);
        Assert.Equal(string.Empty, status.StandardOutput);
        Assert.Equal(shop.Initial.Manifest.Files.Select(f => (f.Path, f.Reason)), result.Manifest.Files.Select(f => (f.Path, f.Reason)));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("output path", StringComparison.Ordinal));
        var loads = Path.Combine(DesignTimeProperties.TemporaryRoot, DesignTimeProperties.Folder);
        Assert.Empty(Directory.Exists(loads) ? Directory.GetDirectories(loads, $"{Environment.ProcessId}-*").Where(f => Directory.Exists(Path.Combine(f, "artifacts"))) : []);
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}

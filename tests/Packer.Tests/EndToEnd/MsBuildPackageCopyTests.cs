using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

/// <summary>The MSBuild package's tests that build a copy of their own (up-to-date checks, edits, a clean), beside those that read the shared build.</summary>
[Collection(PackageCopiesCollection.Name)]
public sealed class MsBuildPackageCopyTests(PackageFeed feed)
{
    [Fact]
    public async Task A_second_build_with_nothing_changed_starts_no_tool_and_an_edit_a_new_file_a_changed_setting_or_a_deleted_bundle_packs_again()
    {
        // Given a built copy of its own (the shared copy sees other tests' settings)
        var root = feed.Copy();
        Assert.Equal(0, (await feed.DotnetInAsync(root, "build")).ExitCode);
        var first = PackageFeed.Outputs(root).ToDictionary(p => p, p => (Bytes: File.ReadAllBytes(p), Written: File.GetLastWriteTimeUtc(p)));
        async Task<ProcessResult> BuildAfterAsync(Action change, params string[] arguments)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20)); // past the file system's clock tick
            change();
            var result = await feed.DotnetInAsync(root, ["build", "--no-restore", "-v:n", .. arguments]);
            Assert.True(result.ExitCode == 0, result.StandardOutput);
            return result;
        }

        async Task<int> PacksAfterAsync(Action change, params string[] arguments) =>
            PackageFeed.Count(await BuildAfterAsync(change, arguments), "pack-context: packed ");

        // When nothing changed, then MSBuild finds the pack up to date, for each project, and leaves the files alone
        var second = await BuildAfterAsync(() => { });
        Assert.Equal(PackageFeed.Projects.Length, PackageFeed.Count(second, "Skipping target \"_PackContextRun\" because all output files are up-to-date"));
        Assert.DoesNotContain("pack-context: packed", second.StandardOutput, StringComparison.Ordinal);
        foreach (var (path, (bytes, written)) in first)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        }

        // When something changed, and then
        var core = Path.Combine(root, "src", "Greeter.Core");
        Assert.Equal(2, await PacksAfterAsync(() => File.AppendAllText(Path.Combine(core, "Greeting.cs"), "// an edit\n")));
        Assert.Equal(2, await PacksAfterAsync(() => File.WriteAllText(Path.Combine(core, "Added.cs"), "namespace Greeter.Core;\n\npublic sealed class Added;\n")));
        Assert.Equal(0, await PacksAfterAsync(() => { }));
        Assert.Equal(2, await PacksAfterAsync(() => { }, "-p:PackContextMaxTokens=20000"));
        Assert.Equal(1, await PacksAfterAsync(() => File.Delete(PackageFeed.Bundle("Greeter.App", root)), "-p:PackContextMaxTokens=20000"));
        Assert.True(File.Exists(PackageFeed.Bundle("Greeter.App", root)));
    }

    [Fact]
    public async Task A_build_of_targets_larger_than_the_cap_is_quiet_and_passes_with_warnings_as_errors()
    {
        // Given a copy of its own, packed to a cap both projects are larger than
        var root = feed.Copy();

        // When
        var quiet = await feed.DotnetInAsync(root, "build", "-warnaserror", "-p:PackContextMaxTokens=120");

        // Then nothing of the pack shows at minimal verbosity, and the manifest says it once
        Assert.True(quiet.ExitCode == 0, quiet.StandardOutput);
        Assert.DoesNotContain("pack-context", quiet.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", quiet.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"the target project:Greeter.App (", File.ReadAllText(PackageFeed.Manifest("Greeter.App", root)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_clean_removes_the_bundles_and_manifests_a_multi_targeted_projects_too()
    {
        // Given a restored copy of its own (a clean deletes the build's output too) with outputs in place
        var root = feed.Copy();
        Assert.Equal(0, (await feed.DotnetInAsync(root, "restore")).ExitCode);
        foreach (var output in PackageFeed.Outputs(root))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, "packed");
        }

        // When
        var clean = await feed.DotnetInAsync(root, "clean");

        // Then
        Assert.True(clean.ExitCode == 0, clean.StandardOutput);
        Assert.All(PackageFeed.Outputs(root), output => Assert.False(File.Exists(output), output));
    }
}

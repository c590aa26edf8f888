using System.IO.Compression;
using System.Xml.Linq;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

[Collection(PackageBuildCollection.Name)]
public sealed class MsBuildPackageTests(PackageBuild build)
{
    [Fact]
    public void The_package_carries_the_published_tool_beside_roslyns_build_host_and_depends_on_nothing()
    {
        using var package = ZipFile.OpenRead(Path.Combine(build.PackageFolder, $"PackContext.MSBuild.{InstalledTool.Version}.nupkg"));

        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("build/PackContext.MSBuild.props", entries);
        Assert.Contains("build/PackContext.MSBuild.targets", entries);
        Assert.Contains("buildMultiTargeting/PackContext.MSBuild.props", entries);
        Assert.Contains("buildMultiTargeting/PackContext.MSBuild.targets", entries);
        Assert.Contains("tools/net10.0/any/dotnet-pack-context.dll", entries);
        Assert.Contains("tools/net10.0/any/dotnet-pack-context.runtimeconfig.json", entries);
        Assert.Contains("tools/net10.0/any/BuildHost-netcore/Microsoft.CodeAnalysis.Workspaces.MSBuild.BuildHost.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        using var nuspec = package.GetEntry("PackContext.MSBuild.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    [Fact]
    public void A_build_packs_each_project_once_a_multi_targeted_one_too()
    {
        Assert.True(build.FirstBuild.ExitCode == 0, build.FirstBuild.StandardOutput);
        foreach (var project in PackageBuild.Projects)
        {
            Assert.Single(PackedLines(build.FirstBuild, project));
            Assert.True(File.Exists(build.Bundle(project)) && File.Exists(build.Manifest(project)), project);
        }

        Assert.Contains("0 Warning(s)", build.FirstBuild.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_build_writes_the_bytes_dotnet_pack_context_writes_with_the_same_settings()
    {
        // Given the build's defaults, as flags: the project as target, xml, 32k tokens, run in the solution's folder
        var folder = TempFolder.Create();

        // When
        var run = await build.ToolAsync("--target", "project:Greeter.App", "--format", "xml", "-o", Path.Combine(folder, "b.xml"), "--manifest", Path.Combine(folder, "m.json"));

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "b.xml")), build.FirstOutputs[build.Bundle("Greeter.App")].Bytes);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "m.json")), build.FirstOutputs[build.Manifest("Greeter.App")].Bytes);
    }

    [Fact]
    public async Task A_second_build_with_nothing_changed_starts_no_tool_and_leaves_the_files_alone()
    {
        // Given a built copy of its own (the class's copy sees other tests' settings)
        var root = build.Copy();
        Assert.Equal(0, (await build.DotnetInAsync(root, "build")).ExitCode);
        var first = build.Outputs(root).ToDictionary(p => p, p => (Bytes: File.ReadAllBytes(p), Written: File.GetLastWriteTimeUtc(p)));

        // When
        var second = await build.DotnetInAsync(root, "build", "--no-restore", "-v:n");

        // Then MSBuild found the pack up to date, for each project
        Assert.True(second.ExitCode == 0, second.StandardOutput);
        Assert.Equal(PackageBuild.Projects.Length, Count(second, "Skipping target \"_PackContextRun\" because all output files are up-to-date"));
        Assert.DoesNotContain("pack-context: packed", second.StandardOutput, StringComparison.Ordinal);
        foreach (var (path, (bytes, written)) in first)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        }
    }

    [Fact]
    public async Task An_edit_a_new_file_a_changed_setting_or_a_deleted_bundle_packs_again()
    {
        // Given a built copy of its own
        var root = build.Copy();
        Assert.Equal(0, (await build.DotnetInAsync(root, "build")).ExitCode);
        async Task<int> PacksAfterAsync(Action change, params string[] arguments)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20)); // past the file system's clock tick
            change();
            var result = await build.DotnetInAsync(root, ["build", "--no-restore", "-v:n", .. arguments]);
            Assert.True(result.ExitCode == 0, result.StandardOutput);
            return Count(result, "pack-context: packed ");
        }

        // When, and then
        var core = Path.Combine(root, "src", "Greeter.Core");
        Assert.Equal(2, await PacksAfterAsync(() => File.AppendAllText(Path.Combine(core, "Greeting.cs"), "// an edit\n")));
        Assert.Equal(2, await PacksAfterAsync(() => File.WriteAllText(Path.Combine(core, "Added.cs"), "namespace Greeter.Core;\n\npublic sealed class Added;\n")));
        Assert.Equal(0, await PacksAfterAsync(() => { }));
        Assert.Equal(2, await PacksAfterAsync(() => { }, "-p:PackContextMaxTokens=20000"));
        Assert.Equal(1, await PacksAfterAsync(() => File.Delete(build.Bundle("Greeter.App", root)), "-p:PackContextMaxTokens=20000"));
        Assert.True(File.Exists(build.Bundle("Greeter.App", root)));
    }

    [Fact]
    public async Task A_build_of_targets_larger_than_the_cap_is_quiet_and_passes_with_warnings_as_errors()
    {
        // Given a copy of its own, packed to a cap both projects are larger than
        var root = build.Copy();

        // When
        var quiet = await build.DotnetInAsync(root, "build", "-warnaserror", "-p:PackContextMaxTokens=120");

        // Then nothing of the pack shows at minimal verbosity, and the manifest says it once
        Assert.True(quiet.ExitCode == 0, quiet.StandardOutput);
        Assert.DoesNotContain("pack-context", quiet.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", quiet.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"the target project:Greeter.App (", File.ReadAllText(build.Manifest("Greeter.App", root)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cold_pack_leaves_every_file_of_the_build_untouched_and_nothing_of_its_own()
    {
        // Given the built copy
        var before = Tree(build.Root);

        // When the packaged tool loads it without its cache (design-time builds of every project and target framework)
        var pack = await build.ToolAsync("Greeter.slnx", "--target", "Greeter.Core", "--no-cache", "-o", Path.Combine(TempFolder.Create(), "context.xml"));

        // Then every file and folder under the copy, obj/ and bin/ included, is as it was
        Assert.True(pack.ExitCode == 0, pack.StandardError);
        Assert.Equal(before, Tree(build.Root));
    }

    [Theory]
    [InlineData("solution: Greeter.slnx\ninclude:\n  - README.md\nmaxtokens: 4000\n", "", "{root}/packer.yaml(4,1): error PCTX004: unknown key 'maxtokens'. Did you mean 'maxTokens'?")]
    [InlineData(null, "-p:PackContextTargets=FormalPolcy", "pack-context : error PCTX012: target 'FormalPolcy' matches no project, file, type, namespace or folder in Greeter.slnx. Close candidates: Greeter.Core.FormalPolicy.")]
    public async Task A_bad_setting_fails_the_build_with_one_error_that_names_the_file_and_line_and_no_generic_one(string? packerYaml, string property, string error)
    {
        // Given
        var config = Path.Combine(build.Root, "packer.yaml");
        if (packerYaml is not null)
        {
            File.WriteAllText(config, packerYaml);
        }

        // When packing alone, without compiling
        ProcessResult result;
        try
        {
            result = await build.DotnetAsync(["build", "src/Greeter.App", "-t:PackContext", "--no-restore", .. property.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        }
        finally
        {
            File.Delete(config);
        }

        // Then
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(error.Replace("{root}", build.Root, StringComparison.Ordinal), result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 Error(s)", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB3073", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sdk_older_than_10_gets_one_warning_and_no_pack()
    {
        var result = await build.DotnetAsync("build", "src/Greeter.App", "-t:PackContext", "--no-restore", "-p:NETCoreSdkVersion=9.0.100");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning PCTX120: PackContext.MSBuild needs the .NET SDK 10.0 or newer, and this build runs SDK '9.0.100'", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 Warning(s)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(PackedLines(result, "Greeter.App"));
    }

    [Fact]
    public async Task Disabled_it_packs_nothing_after_build()
    {
        // Given outputs set elsewhere, so that a pack would show
        var folder = TempFolder.Create();

        // When
        var result = await build.DotnetAsync(
            "build", "--no-restore", "-p:PackContextEnabled=false", $"-p:PackContextOutput={folder}/bundle.xml", $"-p:PackContextManifest={folder}/manifest.json");

        // Then
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.DoesNotContain("pack-context", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Dotnet_clean_removes_the_bundles_and_manifests_a_multi_targeted_projects_too()
    {
        // Given a restored copy of its own (a clean deletes the build's output too) with outputs in place
        var root = build.Copy();
        Assert.Equal(0, (await build.DotnetInAsync(root, "restore")).ExitCode);
        foreach (var output in build.Outputs(root))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, "packed");
        }

        // When
        var clean = await build.DotnetInAsync(root, "clean");

        // Then
        Assert.True(clean.ExitCode == 0, clean.StandardOutput);
        Assert.All(build.Outputs(root), output => Assert.False(File.Exists(output), output));
    }

    // Each file with the time it was last written, and each folder (whose time says only that an entry came or went).
    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(e => Directory.Exists(e) ? Path.GetRelativePath(root, e) + "/" : $"{Path.GetRelativePath(root, e)} {File.GetLastWriteTimeUtc(e):O}")
            .Order(StringComparer.Ordinal)];

    private static int Count(ProcessResult result, string text) => result.StandardOutput.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private static List<string> PackedLines(ProcessResult result, string project) =>
        result.StandardOutput.Split('\n')
            .Where(l => l.Contains("pack-context: packed ", StringComparison.Ordinal) && l.Contains($"/{project}.context.xml", StringComparison.Ordinal))
            .ToList();
}

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
            Assert.True(File.Exists(PackageBuild.Bundle(project, build.Root)) && File.Exists(PackageBuild.Manifest(project, build.Root)), project);
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
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "b.xml")), build.FirstOutputs[PackageBuild.Bundle("Greeter.App", build.Root)].Bytes);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "m.json")), build.FirstOutputs[PackageBuild.Manifest("Greeter.App", build.Root)].Bytes);
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

    // Each file with the time it was last written, and each folder (whose time says only that an entry came or went).
    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(e => Directory.Exists(e) ? Path.GetRelativePath(root, e) + "/" : $"{Path.GetRelativePath(root, e)} {File.GetLastWriteTimeUtc(e):O}")
            .Order(StringComparer.Ordinal)];

        private static List<string> PackedLines(ProcessResult result, string project) =>
        result.StandardOutput.Split('\n')
            .Where(l => l.Contains("pack-context: packed ", StringComparison.Ordinal) && l.Contains($"/{project}.context.xml", StringComparison.Ordinal))
            .ToList();
}

using Packer.Core;
using Packer.Core.Output;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// The tool writes only what is its own: no device, FIFO, folder, link, source or tracked file is replaced, an
/// unknown file only with --force, and each refusal is one line, before anything is loaded. Run as a user runs it.
/// </summary>
public sealed class OutputSafetyTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    // One repository for the refusals (none of them loads the solution) and the runs that do write.
    private static readonly Lazy<Task<string>> Shop = new(async () =>
    {
        var root = Fixtures.Copy("Shop");
        await GitRepository.InitAsync(root);
        File.WriteAllText(Path.Combine(root, "notes.txt"), "precious\n");
        File.WriteAllText(Path.Combine(root, "package.json"), "{ \"name\": \"shop\" }\n");
        Directory.CreateDirectory(Path.Combine(root, "adir"));
        File.CreateSymbolicLink(Path.Combine(root, "link.xml"), Path.Combine(root, "notes.txt"));
        await ProcessResult.RunAsync("mkfifo", [Path.Combine(root, "fifo")], root);
        return root;
    });

    [Theory]
    [InlineData("-o fifo", "is a device, FIFO or socket, not a regular file (leave out -o to write the bundle to standard output, and pipe that)")]
    [InlineData("-o link.xml", "is a symbolic link")]
    [InlineData("-o adir", "is a folder")]
    [InlineData("-o src/Shop.Application/OrderService.cs", "is a source, project or solution file")]
    [InlineData("--manifest src/Shop.Domain/Shop.Domain.csproj", "is a source, project or solution file")]
    [InlineData("-o Shop.sln", "is a source, project or solution file")]
    [InlineData("-o README.md", "is tracked by git")]
    [InlineData("-o notes.txt", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("--manifest package.json", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("-o same.json --manifest same.json", "-o and --manifest name the same file")]
    public async Task An_output_that_is_not_the_tools_own_is_refused_and_left_as_it_was(string arguments, string reason)
    {
        // Given
        var root = await Shop.Value;
        var before = Snapshot(root);

        // When
        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "OrderService", .. arguments.Split(' ')]);

        // Then
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(reason, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, Snapshot(root));
        Assert.Equal(PathKind.Special, PathKinds.Of(Path.Combine(root, "fifo")));
        Assert.Equal(PathKind.Link, PathKinds.Of(Path.Combine(root, "link.xml")));
    }

    [Fact]
    public async Task A_device_is_never_replaced()
    {
        if (PathKinds.Of("/dev/full") != PathKind.Special)
        {
            return; // no such device on this machine
        }

        var root = await Shop.Value;

        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "OrderService", "-o", "/dev/full"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("leave out -o to write the bundle to standard output", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(PathKind.Special, PathKinds.Of("/dev/full"));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_is_one_line_before_the_load()
    {
        var root = await Shop.Value;

        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "OrderService", "-o", "/proc/no-such/bundle.xml"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: -o /proc/no-such/bundle.xml: its folder cannot be written (", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_from_the_repository_may_not_name_a_path_outside_it_but_a_flag_may()
    {
        // Given a packer.yaml that writes outside the repository, and a file there
        var root = Fixtures.Copy("Shop");
        var victim = Path.Combine(Path.GetDirectoryName(root)!, "victim.txt");
        File.WriteAllText(victim, "important\n");
        File.WriteAllText(Path.Combine(root, "packer.yaml"), "solution: Shop.sln\ntargets: [OrderService]\noutput: ../victim.txt\n");

        // When
        var result = await tool.RunAsync(root, ["-q"]);

        // Then
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("packer.yaml:3: 'output' names ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("outside the repository", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("important\n", File.ReadAllText(victim));
    }

    [Fact]
    public async Task Forced_a_foreign_file_is_replaced_and_bundle_and_manifest_are_written_together()
    {
        // Given an unknown file where the bundle goes
        var root = await Shop.Value;
        var output = Path.Combine(TempFolder.Create(), "old.txt");
        File.WriteAllText(output, "someone else's\n");

        // When
        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "OrderService", "--max-tokens", "2000", "-o", output, "--manifest", output + ".json", "--force", "-q"]);

        // Then
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("<?xml", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.True(OutputGuard.IsOurs(output, OutputKind.Bundle));
        Assert.True(OutputGuard.IsOurs(output + ".json", OutputKind.Manifest));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, ".*"));
    }

    private static string Snapshot(string root) => string.Join('\n', Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
        .Where(p => !p.Contains("/.git/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal) && PathKinds.Of(p) is PathKind.File or PathKind.Link)
        .Order(StringComparer.Ordinal)
        .Select(p => $"{p} {(PathKinds.Of(p) == PathKind.Link ? "link" : File.ReadAllText(p).Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
}

using Packer.Core;
using Packer.Core.Output;
using Packer.Core.Text;
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

        // Files that begin as a bundle or a manifest of some format does, but that the tool did not write.
        File.WriteAllText(Path.Combine(root, "empty.md"), string.Empty);
        File.WriteAllText(Path.Combine(root, "todo.md"), "## TODO\n- ship it\n");
        File.WriteAllText(Path.Combine(root, "context.md"), "# Context: what we agreed\n\nTargets:\n");
        File.WriteAllText(Path.Combine(root, "block.xml"), "<file path=\"mine\">\n");
        File.WriteAllText(Path.Combine(root, "solution.json"), "{\n  \"solution\": \"mine\"\n}\n");
        File.WriteAllText(Path.Combine(root, "prolog.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<context solution=\"mine\">\n<notes/>\n");

        // A bundle of the tool's own made read-only; a folder linked out of the repository and one linked to itself;
        // a file another repository tracks.
        var readOnly = Path.Combine(root, "readonly.xml");
        File.WriteAllText(readOnly, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<context solution=\"Shop.sln\" generator=\"dotnet-pack-context\">\n");
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(readOnly, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var outside = Path.Combine(Path.GetDirectoryName(root)!, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "self"), root);
        var other = Path.Combine(Path.GetDirectoryName(root)!, "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "tracked.xml"), "theirs\n");
        await GitRepository.InitAsync(other);
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
    [InlineData("-o empty.md", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("-o todo.md", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("-o context.md", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("-o block.xml", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("-o solution.json", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("-o prolog.xml", "exists and is not a bundle or manifest this tool wrote; pass --force to replace it")]
    [InlineData("-o .git/hooks/post-checkout", "is inside a .git folder, which the tool never writes to")]
    [InlineData("--manifest .git/info/attributes --force", "is inside a .git folder, which the tool never writes to")]
    [InlineData("-o .git/HEAD --force", "is inside a .git folder, which the tool never writes to")]
    [InlineData("-o self/.git/config --force", "is inside a .git folder, which the tool never writes to")]
    [InlineData("-o linked/bundle.xml --force", "leads outside the repository through a symbolic link")]
    [InlineData("-o out.xml --manifest self/out.xml", "-o and --manifest name the same file")]
    [InlineData("-o readonly.xml --force", "is read-only; make it writable (or remove it) if the tool should replace it")]
    [InlineData("-o ../other/tracked.xml --force", "is tracked by git (in the repository it lies in)")]
    [InlineData("-o out.xml --depfile notes.txt", "--depfile {root}/notes.txt exists and is not a dependency file this tool wrote; pass --force to replace it")]
    public async Task An_output_that_is_not_the_tools_own_is_refused_and_left_as_it_was(string arguments, string reason)
    {
        // Given
        var root = await Shop.Value;
        var before = Snapshot(root) + Snapshot(Path.Combine(root, ".git")) + Snapshot(Path.Combine(Path.GetDirectoryName(root)!, "other"));

        // When
        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "OrderService", .. arguments.Split(' ')]);

        // Then
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(reason.Replace("{root}", root, StringComparison.Ordinal), result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, Snapshot(root) + Snapshot(Path.Combine(root, ".git")) + Snapshot(Path.Combine(Path.GetDirectoryName(root)!, "other")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Path.GetDirectoryName(root)!, "outside")));
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
    public async Task A_config_cannot_take_the_run_to_another_repository_through_its_solution()
    {
        // Given a packer.yaml that names a solution in another repository, and an output beside it
        var parent = TempFolder.Create();
        var root = Fixtures.Copy("Shop", Path.Combine(parent, "mine"));
        var other = Fixtures.Copy("Shop", Path.Combine(parent, "other"));
        await GitRepository.InitAsync(root);
        await GitRepository.InitAsync(other);
        File.WriteAllText(Path.Combine(root, "packer.yaml"), "solution: ../../other/Shop/Shop.sln\ntargets: [OrderService]\noutput: ../../other/Shop/pwned.xml\n");

        // When
        var result = await tool.RunAsync(root, ["-q"]);

        // Then
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("packer.yaml:1: 'solution' names ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("outside this file's repository", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(other, "pwned.xml")));
    }

    [Theory]
    [InlineData("output: .git/hooks/post-checkout")]
    [InlineData("manifest: .git/info/attributes")]
    public async Task A_config_cannot_write_into_git(string line)
    {
        var root = Fixtures.Copy("Shop");
        await GitRepository.InitAsync(root);
        File.WriteAllText(Path.Combine(root, "packer.yaml"), $"solution: Shop.sln\ntargets: [OrderService]\n{line}\n");

        var result = await tool.RunAsync(root, ["-q", "--force"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("packer.yaml:3: ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("is inside a .git folder, which the tool never writes to", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, line[(line.IndexOf(' ') + 1)..])));
    }

    [Theory]
    [InlineData("xml", null)]
    [InlineData("markdown", null)]
    [InlineData("json", null)]
    [InlineData("anthropic", null)]
    [InlineData("xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<context solution=\"Shop.sln\">\n<projects>\n")]
    [InlineData("markdown", "# Context: Shop.sln\n\nProjects:\n- Shop.Domain (`src/Shop.Domain/Shop.Domain.csproj`)\n")]
    [InlineData("json", "{\n  \"solution\": \"Shop.sln\",\n  \"projects\": [{\"name\": \"Shop.Domain\"}]\n")]
    public async Task A_bundle_the_tool_wrote_in_any_format_is_replaced_without_force(string format, string? writtenBefore)
    {
        // Given a bundle this tool wrote (by this version, or by one before bundles were signed)
        var root = await Shop.Value;
        var output = Path.Combine(TempFolder.Create(), "bundle");
        string[] arguments = ["Shop.sln", "--target", "OrderService", "--format", format, "-o", output, "-q"];
        if (writtenBefore is null)
        {
            Assert.Equal(ExitCodes.Success, (await tool.RunAsync(root, [.. arguments, "--max-tokens", "2000"])).ExitCode);
        }
        else
        {
            File.WriteAllText(output, writtenBefore);
        }

        // When it is packed again
        var result = await tool.RunAsync(root, [.. arguments, "--max-tokens", "2500"]);

        // Then
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(OutputGuard.IsOurs(output, OutputKind.Bundle));
    }

    [Fact]
    public async Task A_depfile_lists_what_the_bundle_was_packed_from_and_is_written_with_it()
    {
        var root = await Shop.Value;
        var folder = TempFolder.Create();
        var depfile = Path.Combine(folder, "inputs");

        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "OrderService", "-o", Path.Combine(folder, "b.xml"), "--depfile", depfile, "-q"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = File.ReadAllLines(depfile);
        Assert.Equal("# dotnet-pack-context: the files this bundle was packed from", lines[0]);
        Assert.Contains(Path.Combine(root, "Shop.sln"), lines);
        Assert.Contains(Path.Combine(root, "src", "Shop.Domain", "Shop.Domain.csproj"), lines);
        Assert.Contains(Path.Combine(root, "src", "Shop.Application", "OrderService.cs"), lines);
        Assert.All(lines.Skip(1), l => Assert.True(File.Exists(l), l));
        Assert.Equal(lines.Skip(1).Order(StringComparer.Ordinal), lines.Skip(1));
        Assert.True(OutputGuard.IsOurs(depfile, OutputKind.DepFile));
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

    // Every file and link below a folder (but .git/ and obj/ below it), with its length. Links are not followed.
    private static string Snapshot(string root) => string.Join('\n', Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
        .Where(p => !p[root.Length..].Contains("/.git/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal) && PathKinds.Of(p) is PathKind.File or PathKind.Link)
        .Order(StringComparer.Ordinal)
        .Select(p => $"{p} {(PathKinds.Of(p) == PathKind.Link ? "link" : File.ReadAllText(p).Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
}

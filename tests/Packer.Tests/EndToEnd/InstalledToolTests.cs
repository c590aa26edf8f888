using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;
using Packer.Core;
using Packer.Core.Manifest;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

public sealed class InstalledToolTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    // One copy for the tests that only read it: the first run loads it, the others find it in the cache.
    private static readonly Lazy<string> Shop = new(() => Fixtures.Copy("Shop"));

    [Theory]
    [InlineData("any")]
    [InlineData("this machine's")]
    public void Each_platform_package_carries_roslyns_build_host(string platform)
    {
        var rid = platform == "any" ? "any" : RuntimeInformation.RuntimeIdentifier;
        using var package = ZipFile.OpenRead(Path.Combine(tool.PackageFolder, $"dotnet-pack-context.{rid}.{InstalledTool.Version}.nupkg"));

        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"tools/net10.0/{rid}/BuildHost-netcore/Microsoft.CodeAnalysis.Workspaces.MSBuild.BuildHost.dll", entries);
        Assert.Contains($"tools/net10.0/{rid}/dotnet-pack-context.dll", entries);
        Assert.Contains(entries, e => e.EndsWith("Microsoft.ML.Tokenizers.Data.O200kBase.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_users_install_names_both_and_this_machine_gets_the_ahead_of_time_compiled_one()
    {
        using var package = ZipFile.OpenRead(Path.Combine(tool.PackageFolder, $"dotnet-pack-context.{InstalledTool.Version}.nupkg"));
        using var settings = package.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open();
        var names = XDocument.Load(settings).Descendants("RuntimeIdentifierPackage").Select(e => (string)e.Attribute("RuntimeIdentifier")!).ToList();
        Assert.Equal([RuntimeInformation.RuntimeIdentifier, "any"], names);

        // The installed entry assembly is ReadyToRun: native code beside its IL (what spares a warm run the JIT).
        var installed = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(tool.Command)!, "dotnet-pack-context.dll", SearchOption.AllDirectories));
        Assert.Contains($"/tools/net10.0/{RuntimeInformation.RuntimeIdentifier}/", installed, StringComparison.Ordinal);
        using var reader = new PEReader(File.OpenRead(installed));
        Assert.True(reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{installed} is not ReadyToRun");
    }

    [Fact]
    public async Task Packs_a_solution_to_standard_output_with_progress_only_on_standard_error()
    {
        // Given
        var root = Shop.Value;
        var manifestPath = Path.Combine(root, "out", "manifest.json");

        // When
        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "OrderService", "--max-tokens", "1200", "--manifest", "out/manifest.json"]);

        // Then
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        new XmlDocument().LoadXml(result.StandardOutput);
        Assert.Contains("<file path=\"src/Shop.Application/OrderService.cs\" project=\"Shop.Application\" fidelity=\"full\">", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("packed ", result.StandardError, StringComparison.Ordinal);
        var manifest = ManifestJson.Read(File.ReadAllText(manifestPath));
        Assert.True(manifest.TotalTokens <= 1200);
        Assert.DoesNotContain(manifest.Warnings, w => w.StartsWith("MSBuild could not evaluate", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(root, "out"), "*.tmp"));
    }

    [Fact]
    public async Task A_second_run_is_warm_from_the_cache_folder_keeps_the_previous_bundle_and_writes_the_same_bytes_and_no_cache_runs_cold()
    {
        // Given a session script's command, which also hands each run the previous run's manifest
        var root = Fixtures.Copy("Shop");
        var cache = Path.Combine(TempFolder.Create(), "cache");
        string[] pack = ["Shop.sln", "--target", "OrderService", "--max-tokens", "3000", "--cache-dir", cache, "--verbose", "--manifest", "m.json", "--previous", "m.json"];

        // When
        var cold = await tool.RunAsync(root, [.. pack, "-o", "cold.xml"]);
        var warm = await tool.RunAsync(root, [.. pack, "-o", "warm.xml"]);
        var uncached = await tool.RunAsync(root, [.. pack, "-o", "uncached.xml", "--no-cache"]);

        // Then
        Assert.Contains("cache cold: no cache yet", cold.StandardError, StringComparison.Ordinal);
        Assert.Contains("cache warm: 0 changed file(s)", warm.StandardError, StringComparison.Ordinal);
        Assert.Contains("cache off", uncached.StandardError, StringComparison.Ordinal);
        Assert.Contains("previous none yet (no such file)", cold.StandardError, StringComparison.Ordinal);
        Assert.Contains("previous read ", warm.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', cold.StandardError); // no progress line when standard error is not a terminal
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "cold.xml")), File.ReadAllBytes(Path.Combine(root, "warm.xml")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "cold.xml")), File.ReadAllBytes(Path.Combine(root, "uncached.xml")));
        Assert.Single(Directory.GetFiles(cache, "*.cache"));
    }

    [Fact]
    public async Task A_global_json_pinning_an_SDK_nobody_has_is_a_warning_and_standard_output_carries_only_the_bundle()
    {
        // Given a solution whose global.json pins a 2015 SDK (the host, asked for it, prints the installed SDKs to standard output)
        var root = Fixtures.Copy("Shop");
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "sdk": { "version": "1.0.0-rc1-final" } }""");

        // When
        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "Money", "--max-tokens", "1200", "--no-cache"]);

        // Then
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("<?xml", result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("</context>\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("the SDK that global.json asks for is not installed (Requested SDK version: 1.0.0-rc1-final); loading with SDK ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loads_with_the_SDK_that_global_json_selects_rather_than_the_newest()
    {
        // Given a .NET install with two SDKs, whose older one the solution's global.json pins (the older one is
        // the installed SDK under an earlier version: this machine has one)
        var (dotnetRoot, older) = TwoSdkInstall();
        var root = Fixtures.Copy("Shop");
        File.WriteAllText(Path.Combine(root, "global.json"), $$"""{ "sdk": { "version": "{{older}}", "rollForward": "disable" } }""");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ROOT"] = dotnetRoot,
            ["PATH"] = dotnetRoot + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };

        // When
        var result = await tool.RunAsync(root, ["Shop.sln", "--target", "Money", "--max-tokens", "1200", "--no-cache", "--verbose"], environment);

        // Then
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"msbuild {Path.Combine(dotnetRoot, "sdk", older)}\n", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("global.json asks for", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_packer_yaml_from_the_working_folder_and_flags_override_it()
    {
        var root = Fixtures.Copy("Shop");
        File.WriteAllText(Path.Combine(root, "packer.yaml"), "solution: Shop.sln\ntargets: [Money]\nformat: markdown\noutput: context.md\ninclude: [README.md]\n");

        var result = await tool.RunAsync(root, ["--format", "json", "-q"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal(string.Empty, result.StandardError);
        var bundle = File.ReadAllText(Path.Combine(root, "context.md"));
        Assert.StartsWith("{\n  \"generator\": \"dotnet-pack-context\",\n  \"solution\": \"Shop.sln\",\n  \"projects\": [{\"name\": \"Shop.Application\"", bundle, StringComparison.Ordinal);
        Assert.Contains("\n  \"targets\": [{\"spec\": \"Money\", \"kind\": \"type\"", bundle, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"README.md\"", bundle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop.sln --target NoSuchThing", "target 'NoSuchThing' matches no project, file, type, namespace or folder in Shop.sln.")]
    [InlineData("Shop.sln --target Money --max-tokens 10", "--max-tokens must be a whole number from 64 to 100,000,000 (got '10').")]
    [InlineData("Shop.sln --target Money --max-tokens 1000000000", "--max-tokens must be a whole number from 64 to 100,000,000 (got '1000000000').")]
    [InlineData("Shop.sln --target Money --max-tokens -5", "--max-tokens must be a whole number from 64 to 100,000,000 (got '-5').")]
    [InlineData("Shop.sln --target Money --format html", "Argument 'html' not recognized.")]
    [InlineData("Nothing.sln --target Money", "Nothing.sln: no such file or folder.")]
    [InlineData("Shop.sln --target Money --config bad.yaml", "bad.yaml:3: unknown key 'maxtokens'. Did you mean 'maxTokens'?")]
    [InlineData("Shop.sln --target Money --no-such-flag", "Unrecognized command or argument '--no-such-flag'.")]
    [InlineData("--target Money --verbos", "unknown option '--verbos'. Did you mean '--verbose'?")]
    [InlineData("Shop.sln --target Money --max-tokens abc", "--max-tokens must be a whole number from 64 to 100,000,000 (got 'abc').")]
    [InlineData("Shop.sln --target file:Nope.cs", "target 'file:Nope.cs': no such file under ")]
    [InlineData("Shop.sln --target folder:src/Nope", "target 'folder:src/Nope': no such folder under ")]
    [InlineData("Shop.sln --target Money --config tabbed.yaml", "tabbed.yaml:3: invalid YAML: ")]
    public async Task Bad_input_is_a_clear_error_with_exit_code_2_and_no_stack_trace(string arguments, string message)
    {
        // Given
        var root = Shop.Value;
        File.WriteAllText(Path.Combine(root, "bad.yaml"), "solution: Shop.sln\n# the next key is misspelt\nmaxtokens: 100\n");
        File.WriteAllText(Path.Combine(root, "tabbed.yaml"), "solution: Shop.sln\ntargets: [Money]\n\tmaxTokens: 100\n");

        // When
        var result = await tool.RunAsync(root, arguments.Split(' '));

        // Then
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Theory]
    [InlineData("--target Money --config bad.yaml", "{root}/bad.yaml(3,1): error PCTX004: unknown key 'maxtokens'. Did you mean 'maxTokens'? Known keys: ")]
    [InlineData("--target Money --no-such-flag", "pack-context : error PCTX001: Unrecognized command or argument '--no-such-flag'.")]
    public async Task The_msbuild_log_format_writes_each_error_as_one_canonical_line_with_its_code(string arguments, string line)
    {
        // Given
        var root = Fixtures.Copy("Shop");
        File.WriteAllText(Path.Combine(root, "bad.yaml"), "solution: Shop.sln\n# the next key is misspelt\nmaxtokens: 100\n");

        // When
        var result = await tool.RunAsync(root, ["Shop.sln", .. arguments.Split(' '), "--log-format", "msbuild"]);

        // Then
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var output = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(line.Replace("{root}", root, StringComparison.Ordinal), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_read_from_standard_input_alone_chooses_the_files_and_the_manifest_says_what_matched()
    {
        // Given a bug report piped in, and no target
        var root = Shop.Value;
        const string report = "Submitting an order fails with InvalidOperationException: quantity must be positive\n   at Shop.Domain.Orders.Order.Validate(OrderLine line)\n";

        // When
        var result = await tool.RunWithInputAsync(root, ["Shop.sln", "--task-file", "-", "--max-tokens", "2000", "--manifest", "task.json", "-o", "task.xml"], report);
        var again = await tool.RunWithInputAsync(root, ["Shop.sln", "--task-file", "-", "--max-tokens", "2000", "-o", "again.xml"], report);

        // Then
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var manifest = ManifestJson.Read(File.ReadAllText(Path.Combine(root, "task.json")));
        Assert.Empty(manifest.Targets);
        Assert.Equal("src/Shop.Domain/Orders/Order.Validation.cs", manifest.Files[0].Path);
        Assert.Contains(manifest.Files[0].Task!.Matched, m => m.StartsWith("message \"quantity must be positive", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "task.xml")), File.ReadAllBytes(Path.Combine(root, "again.xml")));
    }

    [Theory]
    [InlineData("Shop.sln --task-file none.txt", "--task-file none.txt: ")]
    [InlineData("Shop.sln --task thanks", "the task names nothing this solution holds")]
    [InlineData("Shop.sln --task x --task-file y", "give the task with --task or with --task-file, not both.")]
    public async Task A_task_that_cannot_be_used_is_a_clear_error(string arguments, string message)
    {
        var result = await tool.RunAsync(Shop.Value, arguments.Split(' '));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_zero()
    {
        var result = await tool.RunAsync(Fixtures.Source, ["--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("--max-tokens", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\nUsage:\n  dotnet-pack-context [<PATH>] [command] [options]\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mcp")]
    [InlineData("session")]
    [InlineData("init")]
    public async Task A_subcommand_s_help_shows_its_usage_as_it_is_typed_with_its_own_PATH_once(string command)
    {
        var result = await tool.RunAsync(Fixtures.Source, [command, "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"\nUsage:\n  dotnet-pack-context {command} [<PATH>] [options]\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Single(result.StandardOutput.Split('\n'), line => line.StartsWith("  <PATH>", StringComparison.Ordinal));
    }

    // A .NET root beside the one running the tests: its own copy of the muxer, links to the runtimes and packs,
    // the installed SDK, and the same SDK again under the version before it (its .version file says so too).
    private static (string Root, string Older) TwoSdkInstall()
    {
        var real = Path.GetDirectoryName(Environment.ProcessPath!)!;
        var sdk = Assert.Single(Directory.GetDirectories(Path.Combine(real, "sdk")), d => File.Exists(Path.Combine(d, ".version")));
        var version = Path.GetFileName(sdk);
        var parts = version.Split('.');
        var older = $"{parts[0]}.{parts[1]}.{int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) - 1}";
        var root = TempFolder.Create();
        foreach (var entry in Directory.EnumerateFileSystemEntries(real).Select(Path.GetFileName).Where(n => n is not "sdk" and not "dotnet"))
        {
            File.CreateSymbolicLink(Path.Combine(root, entry!), Path.Combine(real, entry!));
        }

        File.Copy(Path.Combine(real, "dotnet"), Path.Combine(root, "dotnet"));
        Directory.CreateDirectory(Path.Combine(root, "sdk", older));
        Directory.CreateSymbolicLink(Path.Combine(root, "sdk", version), sdk);
        foreach (var entry in Directory.EnumerateFileSystemEntries(sdk).Select(Path.GetFileName).Where(n => n != ".version"))
        {
            File.CreateSymbolicLink(Path.Combine(root, "sdk", older, entry!), Path.Combine(sdk, entry!));
        }

        File.WriteAllText(Path.Combine(root, "sdk", older, ".version"), File.ReadAllText(Path.Combine(sdk, ".version")).Replace(version, older, StringComparison.Ordinal));
        return (root, older);
    }
}

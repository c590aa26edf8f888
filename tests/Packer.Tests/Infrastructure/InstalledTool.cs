using System.Diagnostics;

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Packs the CLI as a NuGet tool package and installs it with `dotnet tool install --tool-path`, once per
/// test run, as a user would; every test class that asks for it shares that one installation. A private
/// NuGet folder keeps an older build of the same version from being installed out of the cache. The tool's
/// runs keep their analysis cache in a temporary folder, never the user's.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    public const string Version = "0.1.0";

    private static readonly Lazy<Task<(string PackageFolder, string Command, string CacheHome)>> Installation = new(InstallAsync);

    /// <summary>Gets the folder holding the .nupkg.</summary>
    public string PackageFolder { get; private set; } = string.Empty;

    /// <summary>Gets the installed command's path.</summary>
    public string Command { get; private set; } = string.Empty;

    /// <summary>Gets the cache folder the tool's runs use (XDG_CACHE_HOME).</summary>
    public string CacheHome { get; private set; } = string.Empty;

    public async Task InitializeAsync() => (PackageFolder, Command, CacheHome) = await Installation.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs the installed tool, with <see cref="CacheHome"/> as its cache home unless the environment names another.</summary>
    public Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal) { ["XDG_CACHE_HOME"] = CacheHome };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }

        return ProcessResult.RunAsync(Command, arguments, workingDirectory, merged);
    }

    /// <summary>Runs the installed tool with <paramref name="standardInput"/> on its standard input (as an agent's hook is run).</summary>
    public Task<ProcessResult> RunWithInputAsync(string workingDirectory, IReadOnlyList<string> arguments, string standardInput) =>
        ProcessResult.RunAsync(Command, arguments, workingDirectory, new Dictionary<string, string> { ["XDG_CACHE_HOME"] = CacheHome }, standardInput);

    private static async Task<(string PackageFolder, string Command, string CacheHome)> InstallAsync()
    {
        var root = TempFolder.Create();
        var packages = Path.Combine(root, "packages");
        await RepositoryPack.PackAsync("src/Packer.Cli/Packer.Cli.csproj", packages);

        var toolPath = Path.Combine(root, "tool");
        await ProcessResult.RunCheckedAsync(
            "dotnet",
            ["tool", "install", "--tool-path", toolPath, "dotnet-pack-context", "--add-source", packages, "--version", Version],
            root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget") });
        return (packages, Path.Combine(toolPath, "dotnet-pack-context"), Path.Combine(root, "cache-home"));
    }
}

/// <summary>What a finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public static async Task<ProcessResult> RunAsync(
        string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a command that must succeed.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(
        string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(command, arguments, workingDirectory, environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        }

        return result;
    }
}

/// <summary>Tests that run the installed tool as a process, one class after another (a class may instead take <see cref="InstalledTool"/> as a class fixture, to run beside the others).</summary>
[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "Installed tool";
}

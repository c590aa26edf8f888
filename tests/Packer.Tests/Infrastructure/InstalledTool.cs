using System.Diagnostics;

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Packs the CLI as a NuGet tool package and installs it with `dotnet tool install --tool-path`, once per
/// test run, as a user would. A private NuGet folder keeps an older build of the same version from being
/// installed out of the cache.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    public const string Version = "0.1.0";

    /// <summary>Gets the folder holding the .nupkg.</summary>
    public string PackageFolder { get; private set; } = string.Empty;

    /// <summary>Gets the installed command's path.</summary>
    public string Command { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var root = TempFolder.Create();
        PackageFolder = Path.Combine(root, "packages");
        var cli = Path.Combine(Fixtures.RepositoryRoot, "src", "Packer.Cli", "Packer.Cli.csproj");
        await RunChecked("dotnet", ["pack", cli, "-c", "Release", "-o", PackageFolder, $"-p:Version={Version}"], Fixtures.RepositoryRoot);

        var toolPath = Path.Combine(root, "tool");
        await RunChecked(
            "dotnet",
            ["tool", "install", "--tool-path", toolPath, "dotnet-pack-context", "--add-source", PackageFolder, "--version", Version],
            root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget") });
        Command = Path.Combine(toolPath, "dotnet-pack-context");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs the installed tool.</summary>
    public Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessResult.RunAsync(Command, arguments, workingDirectory, environment);

    private static async Task RunChecked(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await ProcessResult.RunAsync(command, arguments, workingDirectory, environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        }
    }
}

/// <summary>What a finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public static async Task<ProcessResult> RunAsync(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
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
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await output, await error);
    }
}

/// <summary>Tests that run the installed tool as a process.</summary>
[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "Installed tool";
}

using Microsoft.Build.Locator;
using Packer.Core.Diagnostics;

namespace Packer.Core.Loading;

/// <summary>
/// Registers an MSBuild instance once per process. It must run before any method that touches an
/// MSBuild or MSBuildWorkspace type is JIT-compiled, so callers keep those in separate methods.
/// </summary>
public static class MsBuildRegistration
{
    private static readonly Lock Gate = new();

    /// <summary>Gets the folder of the MSBuild registered (the SDK's), or null before registration.</summary>
    public static string? RegisteredPath { get; private set; }

    /// <summary>
    /// Registers the SDK that the solution's folder selects (its global.json), or, when that SDK is not
    /// installed, the newest installed one.
    /// </summary>
    /// <param name="solutionFolder">The folder whose global.json applies.</param>
    /// <returns>A warning when the solution's SDK could not be honoured, else null.</returns>
    public static string? EnsureRegistered(string solutionFolder)
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return null;
            }

            BuildEnvironment.ClearInherited();
            string? warning = null;
            VisualStudioInstance? instance;

            // Outside any repository no global.json pins a version: there, every installed SDK is listed. (Asked
            // only when needed: most solutions pin none.)
            List<VisualStudioInstance>? listed = null;
            List<VisualStudioInstance> Installed() => listed ??= InstalledSdks();
            if (GlobalJsonPin.Unmet(solutionFolder, () => Installed().ConvertAll(i => i.Version)) is { } pinned && Installed().Count > 0)
            {
                // Asking the host would fail as well, and print the installed SDKs to standard output on the way.
                instance = Installed()[0];
                warning = Mismatch($"Requested SDK version: {pinned}", instance);
            }
            else
            {
                try
                {
                    instance = Instances(solutionFolder).FirstOrDefault();
                }
                catch (InvalidOperationException e) when (e.Message.Contains("SDK", StringComparison.Ordinal))
                {
                    instance = Installed().FirstOrDefault();
                    var requested = e.Message.Split('\n').FirstOrDefault(l => l.StartsWith("Requested SDK version", StringComparison.Ordinal))?.Trim();
                    warning = Mismatch(requested ?? "see global.json", instance);
                }
            }

            MSBuildLocator.RegisterInstance(instance ?? throw new LoadException(
                "No .NET SDK with MSBuild was found. Install the .NET SDK (not only the runtime) and make sure 'dotnet' is on PATH.", DiagnosticCodes.NoSdk));
            RegisteredPath = instance.MSBuildPath;
            return warning;
        }
    }

    private static string Mismatch(string requested, VisualStudioInstance? instance) =>
        $"the SDK that global.json asks for is not installed ({requested}); loading with SDK {instance?.Version} instead.";

    // Every installed SDK, newest first.
    private static List<VisualStudioInstance> InstalledSdks()
    {
        try
        {
            return [.. Instances(AppContext.BaseDirectory).DistinctBy(i => i.MSBuildPath).OrderByDescending(i => i.Version)];
        }
        catch (InvalidOperationException)
        {
            return []; // the tool itself sits below a global.json whose SDK is missing
        }
    }

    // The SDKs the host offers from a folder, in its order: first the one the folder's global.json selects (the
    // newest, without one), then every installed SDK, newest first. (Sorting them all by version would pick the
    // newest SDK over an older one that global.json pins.)
    private static List<VisualStudioInstance> Instances(string workingDirectory) =>
        [.. MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
        {
            DiscoveryTypes = DiscoveryType.DotNetSdk,
            WorkingDirectory = workingDirectory,
        })];
}

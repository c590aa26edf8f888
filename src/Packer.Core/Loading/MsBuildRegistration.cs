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
            try
            {
                instance = Newest(solutionFolder);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("SDK", StringComparison.Ordinal))
            {
                // Outside any repository, no global.json pins a version.
                instance = Newest(AppContext.BaseDirectory);
                var requested = e.Message.Split('\n').FirstOrDefault(l => l.StartsWith("Requested SDK version", StringComparison.Ordinal))?.Trim();
                warning = $"the SDK that global.json asks for is not installed ({requested ?? "see global.json"}); loading with SDK {instance?.Version} instead.";
            }

            MSBuildLocator.RegisterInstance(instance ?? throw new LoadException(
                "No .NET SDK with MSBuild was found. Install the .NET SDK (not only the runtime) and make sure 'dotnet' is on PATH.", DiagnosticCodes.NoSdk));
            return warning;
        }
    }

    private static VisualStudioInstance? Newest(string workingDirectory) =>
        MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
        {
            DiscoveryTypes = DiscoveryType.DotNetSdk,
            WorkingDirectory = workingDirectory,
        })
        .OrderByDescending(i => i.Version)
        .FirstOrDefault();
}

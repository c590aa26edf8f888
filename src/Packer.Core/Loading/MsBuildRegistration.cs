using Microsoft.Build.Locator;

namespace Packer.Core.Loading;

/// <summary>
/// Registers an MSBuild instance once per process. It must run before any method that touches an
/// MSBuild or MSBuildWorkspace type is JIT-compiled, so callers keep those in separate methods.
/// </summary>
public static class MsBuildRegistration
{
    private static readonly Lock Gate = new();

    /// <summary>Registers the newest .NET SDK's MSBuild, if no instance was registered yet.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            var instance = MSBuildLocator.QueryVisualStudioInstances()
                .OrderByDescending(i => i.Version)
                .FirstOrDefault()
                ?? throw new LoadException(
                    "No .NET SDK with MSBuild was found. Install the .NET SDK (not only the runtime) and make sure 'dotnet' is on PATH.");
            MSBuildLocator.RegisterInstance(instance);
        }
    }
}

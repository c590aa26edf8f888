namespace Packer.Core.Loading;

/// <summary>
/// A build that runs this tool (the MSBuild package's target) hands its child processes the environment of
/// its own MSBuild: the SDK it runs from, read-only target loading, its logger switches. Inherited by Roslyn's
/// BuildHost, they would make it evaluate the solution with the parent build's SDK instead of the one the
/// solution's global.json selects, or fail to load SDK resolvers and tasks; so they are cleared before MSBuild
/// is located. From a terminal none of them is normally set.
/// </summary>
internal static class BuildEnvironment
{
    /// <summary>
    /// What <c>dotnet build</c> (SDK 10) and Visual Studio set for MSBuild and its children. DOTNET_HOST_PATH
    /// stays: it names the host that runs the BuildHost.
    /// </summary>
    internal static readonly string[] Inherited =
    [
        "MSBuildExtensionsPath",
        "MSBuildExtensionsPath32",
        "MSBuildExtensionsPath64",
        "MSBuildSDKsPath",
        "MSBUILD_EXE_PATH",
        "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDFAILONDRIVEENUMERATINGWILDCARD",
        "MSBUILDNOINPROCNODE",
        "_MSBUILDTLENABLED",
    ];

    /// <summary>Removes the inherited build variables from this process's environment.</summary>
    /// <returns>The names that were set.</returns>
    public static IReadOnlyList<string> ClearInherited() => Clear(Inherited);

    internal static IReadOnlyList<string> Clear(IEnumerable<string> names)
    {
        var cleared = names.Where(name => Environment.GetEnvironmentVariable(name) is not null).ToList();
        cleared.ForEach(name => Environment.SetEnvironmentVariable(name, null));
        return cleared;
    }
}

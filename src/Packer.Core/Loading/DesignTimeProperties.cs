namespace Packer.Core.Loading;

/// <summary>
/// Global properties for the design-time builds that load the solution. Their intermediate files go to folders
/// of their own (obj/.pack-context/&lt;Configuration&gt;/&lt;TFM&gt;/ in each project): a design-time build skips
/// targets a real build runs (MinVer and other versioning tasks), so its generated AssemblyInfo differs, and
/// written into the build's own obj/ folder it made the next build compile again, and that build's rewrite made
/// this tool's cache cold. MSBuild composes the folder from PlatformName, which nothing else reads, so the
/// configuration (and so DEBUG and the like) and each target framework's own folder stay as they were; a hidden
/// folder is left out of every project's default globs, even when obj/ is elsewhere.
/// </summary>
internal static class DesignTimeProperties
{
    /// <summary>The name the intermediate folders get (below obj/, and bin/ for the paths no design-time build writes to).</summary>
    public const string Folder = ".pack-context";

    /// <summary>Gets the properties.</summary>
    public static IDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PlatformName"] = Folder,
    };
}

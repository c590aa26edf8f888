namespace Packer.Core.Loading;

/// <summary>
/// Global properties for the design-time builds that load the solution. Their intermediate files go to a
/// folder of their own in each project (obj/.pack-context/, relative to the project): a design-time build skips
/// targets a real build runs (MinVer and other versioning tasks), so its generated AssemblyInfo differs, and
/// written into the real obj/ folder it would make the next build compile again, and that build's rewrite
/// would make this tool's cache cold. A hidden folder is left out of every project's default globs, even when
/// obj/ is elsewhere.
/// </summary>
internal static class DesignTimeProperties
{
    /// <summary>The folder, relative to each project, that the loading design-time builds write to.</summary>
    public static readonly string IntermediateFolder = Path.Combine("obj", ".pack-context") + Path.DirectorySeparatorChar;

    /// <summary>Gets the properties.</summary>
    public static IDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IntermediateOutputPath"] = IntermediateFolder,
    };
}

namespace Packer.Core.Loading;

/// <summary>
/// Global properties for the design-time builds of one load. Their intermediate files go to folders of their own
/// (obj/.pack-context/&lt;load&gt;/&lt;Configuration&gt;/&lt;TFM&gt;/ in each project, and the empty output folders they
/// make in bin/.pack-context/&lt;load&gt;/): a design-time build skips targets a real build runs (MinVer and other
/// versioning tasks), so its generated AssemblyInfo differs, and written into the build's own obj/ folder it made the next build compile again, and that build's rewrite made
/// this tool's cache cold. MSBuild composes the folder from PlatformName, which nothing else reads, so the
/// configuration (and so DEBUG and the like) and each target framework's own folder stay as they were; a hidden
/// folder is left out of every project's default globs, even when obj/ is elsewhere. Each load has a folder of
/// its own (process and load number), so that two loads of one solution at once (the projects of a parallel
/// build each packing) never write or remove each other's files; <see cref="BuildOutputCleanup"/> removes them
/// after the load. A project with the artifacts layout writes below its ArtifactsPath instead, which a load sends to
/// a folder of its own below the system's temporary folder (<see cref="WriteArtifactsRedirect"/>).
/// </summary>
internal sealed class DesignTimeProperties
{
    /// <summary>The name of the folder below obj/ and bin/ that holds each load's folder.</summary>
    public const string Folder = ".pack-context";

    // The file MSBuild imports right after a project's Directory.Build.props (CustomAfterDirectoryBuildProps). A
    // project with the artifacts layout (UseArtifactsOutput, or an ArtifactsPath of its own) writes its obj/ below
    // ArtifactsPath by pivot (artifacts/obj/P/debug_net8.0/), where PlatformName does not reach: this sends it to
    // this load's temporary folder, each project and target framework still apart. The SDK lists its own
    // UseArtifactsOutputPath.props in that property, which a global property replaces, so this file imports it.
    private const string ArtifactsRedirect = "after-directory-build.props";

    private static int loads;

    private readonly string load;

    private DesignTimeProperties(string load)
    {
        this.load = load;
        TemporaryFolder = FolderBelow(TemporaryRoot);
        All = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PlatformName"] = $"{Folder}/{load}",
            ["CustomAfterDirectoryBuildProps"] = Path.Combine(TemporaryFolder, ArtifactsRedirect),
        };
    }

    /// <summary>Gets the folder below the system's temporary folder that holds each load's folder there.</summary>
    public static string TemporaryRoot { get; } = Path.Combine(Path.GetTempPath(), "packer-loads");

    /// <summary>Gets this load's folder below <see cref="TemporaryRoot"/>: the artifacts-layout redirect and what it sends there.</summary>
    public string TemporaryFolder { get; }

    /// <summary>Writes the file <see cref="All"/> names for CustomAfterDirectoryBuildProps; call before the load evaluates a project.</summary>
    public void WriteArtifactsRedirect()
    {
        Directory.CreateDirectory(TemporaryFolder);
        var artifacts = System.Security.SecurityElement.Escape(Escape(Path.Combine(TemporaryFolder, "artifacts")));
        File.WriteAllText(Path.Combine(TemporaryFolder, ArtifactsRedirect), string.Join('\n',
            "<Project>",
            "  <PropertyGroup Condition=\"'$(UsingMicrosoftNETSdk)' == 'true' And ('$(UseArtifactsOutput)' == 'true' Or ('$(UseArtifactsOutput)' == '' And '$(ArtifactsPath)' != ''))\">",
            "    <UseArtifactsOutput>true</UseArtifactsOutput>",
            $"    <ArtifactsPath>{artifacts}</ArtifactsPath>",
            "  </PropertyGroup>",
            "  <Import Project=\"$(MSBuildSDKsPath)/Microsoft.NET.Sdk/Sdk/UseArtifactsOutputPath.props\"",
            "          Condition=\"'$(UsingMicrosoftNETSdk)' == 'true' And Exists('$(MSBuildSDKsPath)/Microsoft.NET.Sdk/Sdk/UseArtifactsOutputPath.props')\" />",
            "</Project>",
            string.Empty));
    }

    /// <summary>Gets the properties.</summary>
    public IDictionary<string, string> All { get; }

    /// <summary>The properties of a new load, with a folder no other load uses.</summary>
    public static DesignTimeProperties ForNewLoad() =>
        new($"{Environment.ProcessId}-{Interlocked.Increment(ref loads)}");

    /// <summary>The process that made a load's folder, from the folder's name (<c>&lt;process&gt;-&lt;load&gt;</c>); null for any other name.</summary>
    /// <param name="name">A folder's name below .pack-context/.</param>
    public static int? ProcessOf(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var process)
            && int.TryParse(name.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? process : null;
    }

    // MSBuild's escapes for the characters it would otherwise read as syntax in a property's value.
    private static string Escape(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("$", "%24", StringComparison.Ordinal).Replace("@", "%40", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal);

    /// <summary>This load's folder below a build output folder (a project's obj/ or bin/).</summary>
    /// <param name="outputFolder">The obj/ or bin/ folder.</param>
    public string FolderBelow(string outputFolder) => Path.Combine(outputFolder, Folder, load);

    /// <summary>This load's folder, when a file is in it (wherever the project's obj/ is); otherwise null.</summary>
    /// <param name="path">An absolute file path.</param>
    public string? FolderOf(string path)
    {
        var segment = $"{Path.DirectorySeparatorChar}{Folder}{Path.DirectorySeparatorChar}{load}{Path.DirectorySeparatorChar}";
        var full = Path.GetFullPath(path);
        var at = full.IndexOf(segment, StringComparison.Ordinal);
        return at < 0 ? null : full[..(at + segment.Length - 1)];
    }
}

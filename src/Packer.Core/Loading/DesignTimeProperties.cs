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
/// after the load.
/// </summary>
internal sealed class DesignTimeProperties
{
    /// <summary>The name of the folder below obj/ and bin/ that holds each load's folder.</summary>
    public const string Folder = ".pack-context";

    private static int loads;

    private readonly string load;

    private DesignTimeProperties(string load)
    {
        this.load = load;
        All = new Dictionary<string, string>(StringComparer.Ordinal) { ["PlatformName"] = $"{Folder}/{load}" };
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

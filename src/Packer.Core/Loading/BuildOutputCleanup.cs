using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Packer.Core.Loading;

/// <summary>
/// Leaves the repository as the load found it. MSBuild's design-time builds write generated sources and caches
/// (global usings, assembly attributes) below each project's obj/ folder, and make its output folders below bin/,
/// in this load's own folders there (<see cref="DesignTimeProperties"/>: obj/.pack-context/&lt;load&gt;/ and
/// bin/.pack-context/&lt;load&gt;/); once the solution is loaded they are removed, with .pack-context/ when it is
/// empty and obj/ or bin/ when the load made it and it is empty. The generated sources the compilation needs are
/// kept, in memory, as document text (and in the analysis cache's snapshot), so binding is as before. Nothing
/// else under obj/ or bin/ is touched: a real build of the same projects may be writing there (the MSBuild
/// package packs while a parallel build compiles other projects), and its files are its own.
/// </summary>
internal sealed class BuildOutputCleanup
{
    private readonly DesignTimeProperties load;
    private readonly SortedSet<string> folders = new(StringComparer.Ordinal);
    private readonly HashSet<string> made;

    private BuildOutputCleanup(DesignTimeProperties load, IEnumerable<string> projectFiles)
    {
        this.load = load;
        var outputs = projectFiles.Select(p => Path.GetDirectoryName(p)!).SelectMany(p => new[] { Path.Combine(p, "obj"), Path.Combine(p, "bin") }).ToList();
        made = outputs.Where(f => !Directory.Exists(f)).ToHashSet(StringComparer.Ordinal);
        folders.UnionWith(outputs.Select(load.FolderBelow));
        folders.UnionWith(outputs.SelectMany(Abandoned));
        folders.Add(load.TemporaryFolder);
        folders.UnionWith(Abandoned(DesignTimeProperties.TemporaryRoot));
    }

    /// <summary>Records which obj/ and bin/ folders exist before the load.</summary>
    /// <param name="load">The load's design-time properties.</param>
    /// <param name="projectFiles">The absolute paths of the solution's project files.</param>
    public static BuildOutputCleanup Before(DesignTimeProperties load, IEnumerable<string> projectFiles) => new(load, projectFiles);

    /// <summary>Holds the text of the documents the load generated in memory, so they outlive <see cref="Remove"/>.</summary>
    /// <param name="solution">The loaded solution.</param>
    /// <returns>The solution, its generated documents' text held in memory.</returns>
    public Solution Keep(Solution solution)
    {
        // Found by path, not by project folder: a project the solution does not list, or one whose obj/ or bin/
        // is elsewhere, wrote there too.
        folders.UnionWith(solution.Projects.Select(p => p.OutputFilePath).OfType<string>().Select(load.FolderOf).OfType<string>());
        foreach (var document in solution.Projects.SelectMany(p => p.Documents).ToList())
        {
            if (document.FilePath is { } path && load.FolderOf(path) is { } folder && File.Exists(path))
            {
                folders.Add(folder);
                // A new loader, not new text: a document given new text keeps its old text source, and Roslyn still
                // reads that file (gone after Remove) when it reparses incrementally, as it does to version a
                // referenced project's skeleton; a missing file is retried for a second each time (a loose file's
                // ad-hoc project waited 15 s on the Shop fixture's generated files).
                var text = SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8);
                var loader = TextLoader.From(TextAndVersion.Create(text, VersionStamp.Default, path));
                solution = solution.WithDocumentTextLoader(document.Id, loader, PreservationMode.PreserveValue);
            }
        }

        return solution;
    }

    /// <summary>Removes this load's folders, then .pack-context/ when empty, and obj/ or bin/ when the load made it and it is empty.</summary>
    public void Remove()
    {
        foreach (var folder in folders)
        {
            Try(() =>
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            });

            var shared = Path.GetDirectoryName(folder)!;
            DeleteIfEmpty(shared);
            if (made.Contains(Path.GetDirectoryName(shared)!))
            {
                DeleteIfEmpty(Path.GetDirectoryName(shared)!);
            }
        }
    }

    // The folders of loads whose process is gone (killed, or stopped by Ctrl-C before its cleanup ran): nobody
    // else removes them. A folder of a process that still runs is another load's, and is left alone.
    private static IEnumerable<string> Abandoned(string outputFolder)
    {
        var shared = Path.Combine(outputFolder, DesignTimeProperties.Folder);
        if (!Directory.Exists(shared))
        {
            return [];
        }

        try
        {
            return [.. Directory.EnumerateDirectories(shared).Where(f => DesignTimeProperties.ProcessOf(Path.GetFileName(f)) is { } process && !IsRunning(process))];
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            return [];
        }
    }

    private static bool IsRunning(int process)
    {
        try
        {
            using var running = System.Diagnostics.Process.GetProcessById(process);
            return !running.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // Another load's folder, or a real build's file, keeps it.
    private static void DeleteIfEmpty(string folder) => Try(() =>
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    });

    private static void Try(Action remove)
    {
        try
        {
            remove();
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            // Left behind: a file another process holds open is not worth failing the run for.
        }
    }
}

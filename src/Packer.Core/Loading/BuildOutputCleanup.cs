using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Packer.Core.Loading;

/// <summary>
/// Leaves the repository as the load found it. MSBuild's design-time build writes generated sources and caches
/// into each project's obj/ folder (global usings, assembly attributes); what it created there is removed once
/// the solution is loaded. The generated sources the compilation needs are kept, in memory, as document text
/// (and in the analysis cache's snapshot), so binding is as before. Files that were there before are left alone.
/// </summary>
internal sealed class BuildOutputCleanup
{
    private readonly IReadOnlyList<string> folders;
    private readonly HashSet<string> before;

    private BuildOutputCleanup(IReadOnlyList<string> folders)
    {
        this.folders = folders;
        before = Entries().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Records what the obj/ folders of the given projects hold before the load.</summary>
    /// <param name="projectFiles">The absolute paths of the solution's project files.</param>
    public static BuildOutputCleanup Before(IEnumerable<string> projectFiles) =>
        new([.. projectFiles.Select(p => Path.Combine(Path.GetDirectoryName(p)!, "obj")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    /// <summary>Keeps the text of generated documents the load created, then removes every file and folder it created.</summary>
    /// <param name="solution">The loaded solution.</param>
    /// <returns>The solution, its created documents' text held in memory.</returns>
    public Solution Clean(Solution solution)
    {
        var created = Entries().Where(e => !before.Contains(e)).ToList();
        if (created.Count == 0)
        {
            return solution;
        }

        var createdFiles = created.Where(File.Exists).ToHashSet(StringComparer.Ordinal);
        foreach (var document in solution.Projects.SelectMany(p => p.Documents).Where(d => d.FilePath is not null && createdFiles.Contains(d.FilePath)).ToList())
        {
            var text = SourceText.From(File.ReadAllText(document.FilePath!), System.Text.Encoding.UTF8);
            solution = solution.WithDocumentText(document.Id, text, PreservationMode.PreserveIdentity);
        }

        foreach (var entry in created.OrderByDescending(e => e.Length).ThenBy(e => e, StringComparer.Ordinal))
        {
            Remove(entry);
        }

        return solution;
    }

    // Every file and folder under the obj/ folders (the folders themselves too).
    private IEnumerable<string> Entries()
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            yield return folder;
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                yield return entry;
            }
        }
    }

    private static void Remove(string entry)
    {
        try
        {
            if (File.Exists(entry))
            {
                File.Delete(entry);
            }
            else if (Directory.Exists(entry) && !Directory.EnumerateFileSystemEntries(entry).Any())
            {
                Directory.Delete(entry);
            }
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            // Left behind: a file another process holds open is not worth failing the run for.
        }
    }
}

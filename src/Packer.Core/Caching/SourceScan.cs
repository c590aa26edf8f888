using Packer.Core.Text;

namespace Packer.Core.Caching;

/// <summary>
/// Which C# files lie in the project folders. SDK projects compile every .cs file under their folder, so a
/// file added or removed there changes the projects even when no project file changed; comparing this
/// digest with the one in the cache notices that without asking MSBuild.
/// </summary>
internal static class SourceScan
{
    /// <summary>
    /// Lists the .cs files under the given folders (bin, obj and hidden folders skipped): the digest of their sorted
    /// paths, and each one's stamp by full path (settled by the time the listing started).
    /// </summary>
    public static SourceFiles Scan(IEnumerable<string> projectFolders)
    {
        var started = DateTime.UtcNow;
        var found = new SortedDictionary<string, FileStamp>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in projectFolders.Order(StringComparer.Ordinal))
        {
            Walk(new DirectoryInfo(folder), started, found, seen);
        }

        return new SourceFiles(ContentHash.Of(string.Join('\n', found.Keys)), found);
    }

    private static void Walk(DirectoryInfo folder, DateTime started, SortedDictionary<string, FileStamp> found, HashSet<string> seen)
    {
        if (!folder.Exists || !seen.Add(folder.FullName))
        {
            return;
        }

        foreach (var file in folder.EnumerateFiles("*.cs"))
        {
            found[file.FullName] = FileStamp.Of(file).SettledBy(started);
        }

        foreach (var child in folder.EnumerateDirectories())
        {
            if (child.Name is not ("bin" or "obj") && !child.Name.StartsWith('.') && (child.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                Walk(child, started, found, seen);
            }
        }
    }
}

/// <summary>The .cs files of the project folders, as <see cref="SourceScan.Scan"/> found them.</summary>
/// <param name="Digest">The digest of their sorted full paths.</param>
/// <param name="Stamps">Each one's stamp, by full path (none when it changed just before the listing).</param>
internal sealed record SourceFiles(string Digest, IReadOnlyDictionary<string, FileStamp> Stamps);

using Packer.Core.Text;

namespace Packer.Core.Caching;

/// <summary>
/// Which C# files lie in the project folders. SDK projects compile every .cs file under their folder, so a
/// file added or removed there changes the projects even when no project file changed; comparing this
/// digest with the one in the cache notices that without asking MSBuild.
/// </summary>
internal static class SourceScan
{
    /// <summary>Digests the sorted paths of the .cs files under the given folders (bin, obj and hidden folders skipped).</summary>
    public static string Digest(IEnumerable<string> projectFolders)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in projectFolders.Order(StringComparer.Ordinal))
        {
            Walk(new DirectoryInfo(folder), found, seen);
        }

        return ContentHash.Of(string.Join('\n', found));
    }

    private static void Walk(DirectoryInfo folder, SortedSet<string> found, HashSet<string> seen)
    {
        if (!folder.Exists || !seen.Add(folder.FullName))
        {
            return;
        }

        foreach (var file in folder.EnumerateFiles("*.cs"))
        {
            found.Add(file.FullName);
        }

        foreach (var child in folder.EnumerateDirectories())
        {
            if (child.Name is not ("bin" or "obj") && !child.Name.StartsWith('.') && (child.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                Walk(child, found, seen);
            }
        }
    }
}

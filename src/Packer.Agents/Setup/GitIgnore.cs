using Packer.Core;
using Packer.Core.Text;

namespace Packer.Agents.Setup;

/// <summary>Adds the state folder to a repository's .gitignore, once.</summary>
internal static class GitIgnore
{
    /// <summary>The .gitignore text with the state folder ignored, or null when it already is (or lies outside the repository).</summary>
    /// <param name="path">The .gitignore at the repository root.</param>
    /// <param name="root">The repository root.</param>
    /// <param name="stateFolder">The state folder (absolute).</param>
    public static string? With(string path, string root, string stateFolder)
    {
        if (RepoPath.Relative(root, stateFolder) is not { } relative)
        {
            return null;
        }

        string text;
        try
        {
            text = File.Exists(path) ? BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes) : string.Empty;
        }
        catch (FileTooLargeException e)
        {
            throw new UsageException($"{e.Message}; init adds a line to it. Nothing was written.");
        }

        var lines = text.Split('\n').Select(l => l.Trim().TrimStart('/').TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        if (lines.Contains(relative))
        {
            return null;
        }

        var separator = text.Length == 0 || text.EndsWith('\n') ? string.Empty : "\n";
        return $"{text}{separator}# dotnet pack-context: session and MCP bundles, rewritten on every run\n/{relative}/\n";
    }
}

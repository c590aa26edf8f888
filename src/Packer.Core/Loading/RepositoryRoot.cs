namespace Packer.Core.Loading;

/// <summary>Finds the folder that output paths are relative to: the git work tree holding the solution, else its folder.</summary>
public static class RepositoryRoot
{
    /// <summary>Finds the root for a solution or project file.</summary>
    public static string For(string solutionPath)
    {
        var start = Path.GetDirectoryName(Path.GetFullPath(solutionPath))!;
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder.FullName;
            }
        }

        return start;
    }
}

using Packer.Core.Diagnostics;

namespace Packer.Core.Loading;

/// <summary>Turns the PATH argument into one .sln, .slnx or .csproj file, with clear errors when it cannot.</summary>
public static class SolutionFinder
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx"];
    private static readonly string[] ProjectExtensions = [".csproj"];

    /// <summary>Finds the solution or project to load.</summary>
    /// <param name="path">A .sln, .slnx or .csproj file, or a folder holding exactly one.</param>
    /// <returns>The absolute path of the file.</returns>
    public static string Find(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            var extension = Path.GetExtension(fullPath);
            if (SolutionExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
                || ProjectExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                return fullPath;
            }

            throw new UsageException($"{path}: not a .sln, .slnx or .csproj file.", DiagnosticCodes.SolutionNotFound);
        }

        if (!Directory.Exists(fullPath))
        {
            throw new UsageException($"{path}: no such file or folder. Give a .sln, .slnx or .csproj file, or a folder holding one.", DiagnosticCodes.SolutionNotFound);
        }

        return FindIn(fullPath, path, SolutionExtensions)
            ?? FindIn(fullPath, path, ProjectExtensions)
            ?? throw new UsageException(
                $"{path}: no .sln, .slnx or .csproj file in this folder. Give the solution's path, or set 'solution' in packer.yaml.", DiagnosticCodes.SolutionNotFound);
    }

    private static string? FindIn(string folder, string display, string[] extensions)
    {
        var found = Directory.EnumerateFiles(folder)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new UsageException(
                $"{display}: found {found.Count} candidates ({string.Join(", ", found.Select(Path.GetFileName))}). Name the one to load.", DiagnosticCodes.SolutionNotFound),
        };
    }
}

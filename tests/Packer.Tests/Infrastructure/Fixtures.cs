namespace Packer.Tests.Infrastructure;

/// <summary>Copies a fixture solution to a fresh temporary folder, so that loading it (which writes obj/) leaves the repository clean.</summary>
internal static class Fixtures
{
    /// <summary>Gets the folder of the committed fixtures.</summary>
    public static string Source { get; } = FindSource();

    /// <summary>Gets the root of this repository.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(Source, "..", "..", ".."));

    /// <summary>Copies <paramref name="name"/> (with the fixtures' isolating Directory.Build files) and returns the copy's folder.</summary>
    public static string Copy(string name, string? parent = null)
    {
        parent ??= TempFolder.Create();
        Directory.CreateDirectory(parent);
        foreach (var file in Directory.EnumerateFiles(Source))
        {
            File.Copy(file, Path.Combine(parent, Path.GetFileName(file)));
        }

        var target = Path.Combine(parent, name);
        CopyTree(Path.Combine(Source, name), target);
        return target;
    }

    /// <summary>Copies a folder tree, leaving out build output.</summary>
    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj"))
            {
                CopyTree(folder, Path.Combine(to, name));
            }
        }
    }

    private static string FindSource()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Packer.Tests", "Fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Packer.Tests/Fixtures not found above " + AppContext.BaseDirectory);
    }
}

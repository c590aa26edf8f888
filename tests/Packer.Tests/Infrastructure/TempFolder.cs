namespace Packer.Tests.Infrastructure;

/// <summary>Fresh folders under one per-run temporary root, which is removed when the test process exits.</summary>
internal static class TempFolder
{
    private static readonly string Root = CreateRoot();

    /// <summary>Creates an empty folder under this run's root.</summary>
    public static string Create()
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "packer-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(root);
        return root;
    }

    private static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A process a test started may still hold a file; the next run's root is a new one.
        }
        catch (UnauthorizedAccessException)
        {
            // A test made a folder read-only on purpose.
        }
    }
}

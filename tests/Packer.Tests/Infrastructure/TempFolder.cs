namespace Packer.Tests.Infrastructure;

/// <summary>Fresh folders under one per-run temporary root.</summary>
internal static class TempFolder
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "packer-tests", Guid.NewGuid().ToString("N")[..12]);

    public static string Create()
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

using System.Text;

namespace Packer.Core.Output;

/// <summary>
/// Commits a run's output files together through <see cref="AtomicFile.Commit"/>, so the bundle and its
/// manifest never disagree and a file whose bytes would not change keeps its timestamp.
/// </summary>
public static class OutputWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the files (UTF-8, no BOM).</summary>
    /// <exception cref="FileAccessException">A file could not be written; none was replaced.</exception>
    public static void Write(IReadOnlyList<(string Path, string Text)> files)
    {
        try
        {
            AtomicFile.Commit([.. files.Select(f => (f.Path, Utf8NoBom.GetBytes(f.Text)))]);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, files.Count == 1 ? files[0].Path : null);
        }
    }
}

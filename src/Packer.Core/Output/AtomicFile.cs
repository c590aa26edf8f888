using System.Text;
using Packer.Core.Text;

namespace Packer.Core.Output;

/// <summary>
/// The one way this tool replaces a file (the analysis cache, a run's bundle and manifest through
/// <see cref="OutputWriter"/>): readers see the old content or the new, never half of it, and a file that
/// already holds exactly the new bytes is left untouched (<see cref="Holds"/>), so its timestamp stays and a
/// build's incremental steps that depend on it stay up to date. Files written together are committed together:
/// each goes to a temporary file beside it first, and only when all are written are they renamed into place; a
/// failure before the renames replaces nothing, and a failure between them puts back the files already replaced.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/>.</summary>
    /// <returns>False when the file already held those bytes and was left untouched.</returns>
    public static bool WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    /// <returns>False when the file already held those bytes and was left untouched.</returns>
    public static bool WriteAllBytes(string path, byte[] bytes) => Commit([(path, bytes)]) == 1;

    /// <summary>Writes the files together, creating their folders.</summary>
    /// <returns>How many files were replaced or created (the others already held their bytes).</returns>
    /// <exception cref="IOException">A file could not be written; none was replaced.</exception>
    /// <exception cref="UnauthorizedAccessException">A file could not be written; none was replaced.</exception>
    public static int Commit(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var staged = new List<(string Path, string Temporary, string? Backup)>();
        try
        {
            foreach (var (path, bytes) in files.Select(f => (Path.GetFullPath(f.Path), f.Bytes)))
            {
                if (Holds(path, bytes))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = Sibling(path, "tmp");
                staged.Add((path, temporary, null));
                File.WriteAllBytes(temporary, bytes);
            }

            // With one file the rename alone is atomic; with more, each replaced file is kept until all are in place.
            if (staged.Count > 1)
            {
                staged = [.. staged.Select(s => s with { Backup = File.Exists(s.Path) ? Sibling(s.Path, "bak") : null })];
            }

            Replace(staged);
            return staged.Count;
        }
        finally
        {
            foreach (var (_, temporary, backup) in staged)
            {
                Delete(temporary);
                Delete(backup);
            }
        }
    }

    /// <summary>Tells whether <paramref name="path"/> is a file that holds exactly <paramref name="bytes"/> (false when it cannot be read).</summary>
    public static bool Holds(string path, byte[] bytes)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length != bytes.Length)
        {
            return false;
        }

        try
        {
            return BoundedFile.TryReadAllBytes(path, bytes.Length) is { } held && held.AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            return false;
        }
    }

    private static void Replace(List<(string Path, string Temporary, string? Backup)> staged)
    {
        var replaced = new List<(string Path, string? Backup)>();
        try
        {
            foreach (var (path, temporary, backup) in staged)
            {
                if (backup is not null)
                {
                    File.Copy(path, backup, overwrite: true); // a reader still sees the old file until the rename below
                }

                File.Move(temporary, path, overwrite: true);
                replaced.Add((path, backup));
            }
        }
        catch (Exception e) when (FileAccessException.Covers(e) && staged.Count > 1)
        {
            foreach (var (path, backup) in replaced)
            {
                if (backup is not null)
                {
                    File.Move(backup, path, overwrite: true);
                }
                else
                {
                    File.Delete(path); // it did not exist before
                }
            }

            throw;
        }
    }

    private static string Sibling(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{suffix}");

    private static void Delete(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

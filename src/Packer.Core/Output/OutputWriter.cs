using System.Text;

namespace Packer.Core.Output;

/// <summary>
/// Commits a run's output files together: each is written to a temporary file beside it first, and only when
/// all are written are they renamed into place; a file whose bytes would not change is left untouched (its
/// timestamp too). A failure before the renames replaces nothing; a failure between them puts back the files
/// already replaced, so the bundle and its manifest never disagree.
/// </summary>
public static class OutputWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the files (UTF-8, no BOM).</summary>
    /// <exception cref="FileAccessException">A file could not be written; none was replaced.</exception>
    public static void Write(IReadOnlyList<(string Path, string Text)> files)
    {
        var staged = new List<(string Path, string Temporary, string? Backup)>();
        try
        {
            foreach (var (path, text) in files)
            {
                var bytes = Utf8NoBom.GetBytes(text);
                if (File.Exists(path) && Same(path, bytes))
                {
                    continue;
                }

                var temporary = Sibling(path, "tmp");
                staged.Add((path, temporary, File.Exists(path) ? Sibling(path, "bak") : null));
                File.WriteAllBytes(temporary, bytes);
            }

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
            catch (Exception e) when (FileAccessException.Covers(e))
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
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, files.Count == 1 ? files[0].Path : null);
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

    private static string Sibling(string path, string suffix)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{suffix}");
    }

    private static bool Same(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        return info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }

    private static void Delete(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

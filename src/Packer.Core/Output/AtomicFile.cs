using System.Text;

namespace Packer.Core.Output;

/// <summary>
/// Writes a file so that readers see the old content or the new, never half of it; a file that already holds
/// exactly the new bytes is left alone, so its timestamp stays and a build's incremental steps that depend on it
/// stay up to date. It writes the analysis cache; a run's bundle and manifest go through <see cref="OutputWriter"/>,
/// which commits them together by the same rule (<see cref="Holds"/>).
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/>, through a temporary file beside it.</summary>
    /// <returns>False when the file already held those bytes and was left untouched.</returns>
    public static bool WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, through a temporary file beside it.</summary>
    /// <returns>False when the file already held those bytes and was left untouched.</returns>
    public static bool WriteAllBytes(string path, byte[] bytes)
    {
        var fullPath = Path.GetFullPath(path);
        if (Holds(fullPath, bytes))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return true;
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
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            return false;
        }
    }
}

using System.Text;

namespace Packer.Core.Output;

/// <summary>Writes a file so that readers see the old content or the new, never half of it.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to a temporary file beside <paramref name="path"/>, then renames it.</summary>
    public static void WriteAllText(string path, string text) => Write(path, temporary => File.WriteAllText(temporary, text, Utf8NoBom));

    /// <summary>Writes <paramref name="bytes"/> to a temporary file beside <paramref name="path"/>, then renames it.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temporary => File.WriteAllBytes(temporary, bytes));

    private static void Write(string path, Action<string> writeTemporary)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}

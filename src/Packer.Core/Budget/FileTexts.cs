using System.Text;

namespace Packer.Core.Budget;

/// <summary>Reads files as the bundle shows them: decoded (BOM-aware, UTF-8 default), LF line endings, final newline.</summary>
internal sealed class FileTexts(string root)
{
    private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);

    /// <summary>Gets a file's text, or null when it is binary or unreadable.</summary>
    public string? Read(string path)
    {
        if (!cache.TryGetValue(path, out var text))
        {
            cache[path] = text = Load(Path.Combine(root, path));
        }

        return text;
    }

    private static string? Load(string fullPath)
    {
        string raw;
        try
        {
            raw = File.ReadAllText(fullPath, Encoding.UTF8);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var text = raw.ReplaceLineEndings("\n");
        return text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
    }
}

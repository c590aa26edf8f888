using System.Text;
using Packer.Core.Bundle;

namespace Packer.Core.Budget;

/// <summary>Reads files as the bundle shows them: decoded (BOM-aware, UTF-8 default), LF line endings, final newline.</summary>
internal sealed class FileTexts(string root)
{
    private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> signatures = new(StringComparer.Ordinal);

    /// <summary>Gets a file's text, or null when it is binary or unreadable.</summary>
    public string? Read(string path)
    {
        if (!cache.TryGetValue(path, out var text))
        {
            cache[path] = text = Load(Path.Combine(root, path));
        }

        return text;
    }

    /// <summary>Gets the text a file's block shows at a fidelity (full, or signatures), or null when it is binary or unreadable.</summary>
    /// <remarks>Signatures are extracted once per file: planning, keeping and appending all ask for them.</remarks>
    public string? Shown(string path, Fidelity fidelity)
    {
        var text = Read(path);
        if (text is null || fidelity != Fidelity.Signatures)
        {
            return text;
        }

        if (!signatures.TryGetValue(path, out var extracted))
        {
            signatures[path] = extracted = SignatureExtractor.Extract(text);
        }

        return extracted;
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

using System.Text;
using System.Text.Json;
using Packer.Core.Configuration;
using Packer.Core.Tokenization;

namespace Packer.Core.Slicing;

/// <summary>Reads part of a written bundle: the blocks of one file, or a range of its tokens.</summary>
public static class BundleSlice
{
    /// <summary>The blocks of one file (its text, and any diffs appended to it), in bundle order.</summary>
    /// <param name="text">The bundle.</param>
    /// <param name="format">Its format.</param>
    /// <param name="path">The file's repository-relative path.</param>
    /// <returns>The blocks, or null when the bundle has none of that file.</returns>
    public static string? OfFile(string text, BundleFormat format, string path)
    {
        if (format == BundleFormat.Json)
        {
            using var document = JsonDocument.Parse(text);
            var contents = document.RootElement.GetProperty("files").EnumerateArray()
                .Where(f => f.GetProperty("path").GetString() == path)
                .Select(f => f.GetProperty("content").GetString())
                .ToList();
            return contents.Count == 0 ? null : string.Concat(contents);
        }

        if (format == BundleFormat.Anthropic)
        {
            // Its text blocks, concatenated, are the xml bundle.
            using var document = JsonDocument.Parse(text);
            var xml = string.Concat(document.RootElement.EnumerateArray().Select(b => b.GetProperty("text").GetString()));
            return OfFile(xml, BundleFormat.Xml, path);
        }

        var blocks = BundleLayout.Of(text, format).Blocks.Where(b => b.Path == path).Select(b => text[b.Start..b.End]).ToList();
        return blocks.Count == 0 ? null : string.Concat(blocks);
    }

    /// <summary>The text of tokens [<paramref name="start"/>, <paramref name="end"/>) of a bundle.</summary>
    /// <param name="text">The bundle.</param>
    /// <param name="start">The first token.</param>
    /// <param name="end">The token after the last.</param>
    /// <param name="counter">The bundle's tokenizer.</param>
    public static string OfTokens(string text, int start, int end, TokenCounter counter)
    {
        var from = start <= 0 ? 0 : counter.PrefixLength(text, start);
        var to = counter.PrefixLength(text, end);
        return to <= from ? string.Empty : text[from..to];
    }

    /// <summary>Converts a UTF-8 byte offset of a text into a character offset.</summary>
    public static int CharOffset(string text, int byteOffset)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (bytes >= byteOffset)
            {
                return i;
            }

            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(i, width));
            i += width - 1;
        }

        return text.Length;
    }
}

using Packer.Core.Bundle;
using Packer.Core.Configuration;

namespace Packer.Core.Slicing;

/// <summary>
/// Where the file blocks of a rendered xml or markdown bundle lie, found by reading the text as the
/// renderers write it: the header before the first block, one block per file (its text, signatures, diff or
/// listed path), and the trailer after the last (xml's closing tag).
/// </summary>
/// <param name="HeaderEnd">The character offset where the first block (or the trailer) starts.</param>
/// <param name="Blocks">The blocks in bundle order; consecutive, the first at <paramref name="HeaderEnd"/>.</param>
/// <param name="TrailerStart">Where the text after the last block starts.</param>
public sealed record BundleLayout(int HeaderEnd, IReadOnlyList<BlockSpan> Blocks, int TrailerStart)
{
    /// <summary>Formats whose text can be cut between file blocks.</summary>
    public static readonly IReadOnlyList<BundleFormat> Formats = [BundleFormat.Xml, BundleFormat.Markdown];

    /// <summary>Finds the blocks of a bundle.</summary>
    /// <param name="text">The bundle.</param>
    /// <param name="format">xml or markdown.</param>
    /// <exception cref="InvalidDataException">The text is not a bundle of that format.</exception>
    public static BundleLayout Of(string text, BundleFormat format) => format switch
    {
        BundleFormat.Xml => Xml(text),
        BundleFormat.Markdown => Markdown(text),
        _ => throw new InvalidDataException($"a {Names.Of(format)} bundle has no file blocks to cut between; use xml or markdown."),
    };

    private static BundleLayout Xml(string text)
    {
        const string Open = "<file path=\"";
        const string Close = "]]></file>\n";
        var first = text.IndexOf(Open, StringComparison.Ordinal);
        var headerEnd = first < 0 ? text.LastIndexOf("</context>", StringComparison.Ordinal) : first;
        if (headerEnd < 0)
        {
            throw new InvalidDataException("no <context> element: not an xml bundle.");
        }

        var blocks = new List<BlockSpan>();
        var position = headerEnd;
        while (string.CompareOrdinal(text, position, Open, 0, Open.Length) == 0)
        {
            var quote = text.IndexOf('"', position + Open.Length);
            var tagEnd = quote < 0 ? -1 : text.IndexOf('>', quote); // '>' inside attributes is escaped, so the first one ends the tag
            // Inside CDATA a "]]>" of the file's text is written as "]]]]><![CDATA[>", so the first "]]></file>" ends the block.
            var close = tagEnd < 0 ? -1 : text.IndexOf(Close, tagEnd, StringComparison.Ordinal);
            var end = tagEnd < 0 ? -1 : text[tagEnd - 1] == '/' ? tagEnd + 2 : close < 0 ? -1 : close + Close.Length;
            if (end < 0 || end > text.Length)
            {
                throw new InvalidDataException($"a <file> element at character {position} does not end as the xml renderer ends it.");
            }

            var path = Unescape(text[(position + Open.Length)..quote]);

            blocks.Add(new BlockSpan(path, position, end));
            position = end;
        }

        return new BundleLayout(headerEnd, blocks, position);
    }

    private static BundleLayout Markdown(string text)
    {
        // The header ends with the targets list and a blank line.
        var targets = text.IndexOf("\nTargets:\n", StringComparison.Ordinal);
        if (!text.StartsWith("# Context: ", StringComparison.Ordinal) || targets < 0)
        {
            throw new InvalidDataException("no '# Context:' heading with a targets list: not a markdown bundle.");
        }

        var headerEnd = text.IndexOf("\n\n", targets + 1, StringComparison.Ordinal) + 2;
        var blocks = new List<BlockSpan>();
        var position = headerEnd;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                break;
            }

            if (text.AsSpan(position).StartsWith("- `"))
            {
                var path = text[(position + 3)..text.IndexOf("` (", position, StringComparison.Ordinal)];
                blocks.Add(new BlockSpan(path, position, lineEnd + 1));
                position = lineEnd + 1;
            }
            else if (text.AsSpan(position).StartsWith("## "))
            {
                // "## path", "(project, fidelity)", "", then a fence longer than any backtick run in the text.
                var path = text[(position + 3)..lineEnd];
                var fenceStart = text.IndexOf("\n\n", lineEnd + 1, StringComparison.Ordinal) + 2;
                var fenceLength = 0;
                while (fenceStart + fenceLength < text.Length && text[fenceStart + fenceLength] == '`')
                {
                    fenceLength++;
                }

                var body = text.IndexOf('\n', fenceStart) + 1;
                var closing = text.IndexOf(new string('`', fenceLength), body, StringComparison.Ordinal);
                if (fenceLength < 3 || body <= 0 || closing < 0)
                {
                    throw new InvalidDataException($"the block of {path} has no closing fence.");
                }

                var end = Math.Min(text.Length, closing + fenceLength + 2);
                blocks.Add(new BlockSpan(path, position, end));
                position = end;
            }
            else
            {
                break;
            }
        }

        return new BundleLayout(headerEnd, blocks, position);
    }

    private static string Unescape(string attribute) => attribute
        .Replace("&quot;", "\"", StringComparison.Ordinal)
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);
}

/// <summary>One file block of a bundle, as character offsets into its text.</summary>
/// <param name="Path">The file's repository-relative path.</param>
/// <param name="Start">Its first character.</param>
/// <param name="End">The character after it.</param>
public sealed record BlockSpan(string Path, int Start, int End);

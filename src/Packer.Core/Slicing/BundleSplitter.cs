using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Manifest;

namespace Packer.Core.Slicing;

/// <summary>
/// Cuts an xml or markdown bundle into parts of at most N tokens each, for an agent whose single file read
/// is capped. Parts hold the bundle's text in order, cut only between file blocks (inside a block only when
/// the block alone is over N, then between lines), and the text after the last block (xml's closing tag)
/// is left out, so that the parts together are the bundle up to that tag. A part never holds both stable
/// files and later ones, and the edits a session appends always start a new part. Cuts are made greedily
/// from the start, so a part depends only on the text up to its end and the block after it: when a later
/// run repeats a bundle and appends edits, every earlier part comes out byte for byte the same.
/// </summary>
public static class BundleSplitter
{
    /// <summary>Splits a bundle.</summary>
    /// <param name="text">The bundle.</param>
    /// <param name="manifest">Its manifest (format and segments).</param>
    /// <param name="maxTokens">The most tokens a part may hold.</param>
    /// <param name="count">Counts a text's tokens with the bundle's tokenizer.</param>
    /// <param name="cutAfter">Where in a text the given number of tokens ends (for a single line over the cap).</param>
    public static IReadOnlyList<string> Split(string text, ManifestDocument manifest, int maxTokens, Func<string, int> count, Func<string, int, int> cutAfter)
    {
        var layout = BundleLayout.Of(text, manifest.Format);
        var units = Units(text, layout, manifest).SelectMany(u => Fit(u, maxTokens, count, cutAfter)).ToList();
        var parts = new List<string>();
        var part = new List<Unit>();
        var tokens = 0;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var forced = part.Count > 0 && (unit.Segment == SegmentKind.Edits || part[^1].Segment == SegmentKind.Stable) && unit.Segment != part[^1].Segment;
            if (part.Count > 0 && (forced || tokens + unit.Tokens > maxTokens))
            {
                i = Close(parts, part, i, maxTokens, count) - 1;
                tokens = 0;
                continue;
            }

            part.Add(unit);
            tokens += unit.Tokens;
        }

        if (part.Count > 0)
        {
            Close(parts, part, units.Count, maxTokens, count);
        }

        return parts;
    }

    // Ends the part; token counts of pieces need not add up exactly, so the part is counted whole and its
    // last units go back (to start the next part) until it fits. Returns the index of the next unit.
    private static int Close(List<string> parts, List<Unit> part, int next, int maxTokens, Func<string, int> count)
    {
        while (part.Count > 1 && count(Join(part)) > maxTokens)
        {
            part.RemoveAt(part.Count - 1);
            next--;
        }

        parts.Add(Join(part));
        part.Clear();
        return next;
    }

    private static string Join(List<Unit> part) => part.Count == 1 ? part[0].Text : string.Concat(part.Select(u => u.Text));

    // The header goes with the first block; each block is a unit, in the segment its first byte lies in.
    private static IEnumerable<Unit> Units(string text, BundleLayout layout, ManifestDocument manifest)
    {
        var bytes = 0;
        var at = 0;
        SegmentKind SegmentAt(int offset)
        {
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(at, offset - at));
            at = offset;
            return manifest.Segments.LastOrDefault(s => s.ByteStart <= bytes)?.Kind ?? SegmentKind.Header;
        }

        if (layout.Blocks.Count == 0)
        {
            yield return new Unit(text[..layout.TrailerStart], SegmentKind.Header, 0);
            yield break;
        }

        for (var i = 0; i < layout.Blocks.Count; i++)
        {
            var block = layout.Blocks[i];
            var start = i == 0 ? 0 : block.Start;
            yield return new Unit(text[start..block.End], SegmentAt(block.Start), 0);
        }
    }

    // A unit over the cap is cut between lines, and a line over the cap after the token that fills it.
    private static IEnumerable<Unit> Fit(Unit unit, int maxTokens, Func<string, int> count, Func<string, int, int> cutAfter)
    {
        var tokens = count(unit.Text);
        if (tokens <= maxTokens)
        {
            yield return unit with { Tokens = tokens };
            yield break;
        }

        var piece = new StringBuilder();
        var pieceTokens = 0;
        foreach (var line in Lines(unit.Text))
        {
            var lineTokens = count(line);
            if (piece.Length > 0 && pieceTokens + lineTokens > maxTokens)
            {
                yield return unit with { Text = piece.ToString(), Tokens = pieceTokens };
                piece.Clear();
                pieceTokens = 0;
            }

            var rest = line;
            while (lineTokens > maxTokens)
            {
                var cut = Math.Max(1, cutAfter(rest, maxTokens));
                yield return unit with { Text = rest[..cut], Tokens = count(rest[..cut]) };
                rest = rest[cut..];
                lineTokens = count(rest);
            }

            piece.Append(rest);
            pieceTokens += lineTokens;
        }

        if (piece.Length > 0)
        {
            yield return unit with { Text = piece.ToString(), Tokens = pieceTokens };
        }
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }

    private sealed record Unit(string Text, SegmentKind Segment, int Tokens);
}

using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Packer.Core.Text;

/// <summary>
/// A line diff in the unified format (<c>git diff</c>'s, three lines of context), for telling a reader
/// what changed in a file whose earlier text it has already seen. The line matching is DiffPlex's
/// (Myers' algorithm, deterministic); the hunks are laid out here.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff from one text to another, empty when they are equal.</summary>
    /// <param name="path">The file's repository-relative path, for the <c>---</c>/<c>+++</c> lines.</param>
    /// <param name="before">The earlier text (LF line endings), or null when the file did not exist.</param>
    /// <param name="after">The later text (LF line endings), or null when the file is gone.</param>
    public static string Of(string path, string? before, string? after)
    {
        if (before == after)
        {
            return string.Empty;
        }

        var text = new StringBuilder()
            .Append(before is null ? "--- /dev/null\n" : $"--- a/{path}\n")
            .Append(after is null ? "+++ /dev/null\n" : $"+++ b/{path}\n");
        if (after is null)
        {
            return text.ToString(); // a deletion: the lines the reader saw are not worth repeating
        }

        var diff = Differ.Instance.CreateDiffs(Lines(before), Lines(after), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        var (a, b) = (diff.PiecesOld, diff.PiecesNew);
        var blocks = diff.DiffBlocks;
        for (var first = 0; first < blocks.Count;)
        {
            // A hunk takes the next blocks while the unchanged lines between them are few enough to show.
            var last = first;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            var startA = Math.Max(0, blocks[first].DeleteStartA - Context);
            var endA = Math.Min(a.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var startB = blocks[first].InsertStartB - (blocks[first].DeleteStartA - startA);
            var endB = blocks[last].InsertStartB + blocks[last].InsertCountB + (endA - blocks[last].DeleteStartA - blocks[last].DeleteCountA);
            text.Append($"@@ -{Range(startA, endA - startA)} +{Range(startB, endB - startB)} @@\n");
            var lineA = startA;
            for (var i = first; i <= last; i++)
            {
                var block = blocks[i];
                for (; lineA < block.DeleteStartA; lineA++)
                {
                    text.Append(' ').Append(a[lineA]).Append('\n');
                }

                for (var j = 0; j < block.DeleteCountA; j++)
                {
                    text.Append('-').Append(a[block.DeleteStartA + j]).Append('\n');
                }

                for (var j = 0; j < block.InsertCountB; j++)
                {
                    text.Append('+').Append(b[block.InsertStartB + j]).Append('\n');
                }

                lineA = block.DeleteStartA + block.DeleteCountA;
            }

            for (; lineA < endA; lineA++)
            {
                text.Append(' ').Append(a[lineA]).Append('\n');
            }

            first = last + 1;
        }

        return text.ToString();
    }

    // The text without its final newline, so that the line chunker sees no empty last line; an absent file is empty.
    private static string Lines(string? text) => text is null ? string.Empty : text.EndsWith('\n') ? text[..^1] : text;

    // A hunk range as the unified format writes it: 1-based start and count, or the line before an empty range.
    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";
}

using Packer.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Packer.Core.Configuration;

/// <summary>
/// The YAML events of a packer.yaml, as YamlDotNet's parser reads them, with two additions: where the last event
/// started (YamlDotNet stops without a position on some malformed input), and a limit on nesting. YamlDotNet builds
/// its nodes recursively, one stack frame per level, so 50,000 nested '[' (100 KB) ended the process with a stack
/// overflow; a packer.yaml needs four levels at most, so anything past <see cref="MaxDepth"/> is an error.
/// </summary>
/// <param name="inner">YamlDotNet's parser.</param>
/// <param name="file">The file as the user named it, for the error.</param>
internal sealed class BoundedParser(IParser inner, string file) : IParser
{
    /// <summary>How deeply lists and mappings may nest.</summary>
    public const int MaxDepth = 64;

    private int depth;

    /// <summary>Gets the line where the last event started.</summary>
    public long LastLine { get; private set; } = 1;

    /// <summary>Gets the column where the last event started.</summary>
    public long LastColumn { get; private set; } = 1;

    /// <inheritdoc/>
    public ParsingEvent Current => inner.Current!;

    /// <inheritdoc/>
    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is not { } current)
        {
            return moved;
        }

        LastLine = current.Start.Line;
        LastColumn = current.Start.Column;
        if (current is SequenceStart or MappingStart && ++depth > MaxDepth)
        {
            throw new UsageException(
                $"lists and mappings are nested more than {MaxDepth} deep; a packer.yaml needs a few levels at most.",
                DiagnosticCodes.ConfigSyntax,
                new SourceLocation(Path.GetFullPath(file), file, LastLine, LastColumn));
        }

        if (current is SequenceEnd or MappingEnd)
        {
            depth--;
        }

        return moved;
    }
}

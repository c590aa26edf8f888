using Packer.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Packer.Core.Configuration;

/// <summary>
/// The YAML events of a packer.yaml, as YamlDotNet's parser reads them, with two additions: where the last event
/// started (YamlDotNet stops without a position on some malformed input), and a limit on nesting. YamlDotNet builds
/// its nodes recursively, one stack frame per level, so 50,000 nested '[' (100 KB) ended the process with a stack
/// overflow; a packer.yaml needs four levels at most, so anything past <see cref="MaxDepth"/> is an error. The work is
/// bounded too: past <see cref="MaxEvents"/> events (a packer.yaml has a few hundred) or <see cref="MaxTime"/> of
/// parsing, it stops with an error, so no file a repository holds can keep a hook or a build waiting.
/// </summary>
/// <param name="inner">YamlDotNet's parser.</param>
/// <param name="file">The file as the user named it, for the error.</param>
internal sealed class BoundedParser(IParser inner, string file) : IParser
{
    /// <summary>How deeply lists and mappings may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many YAML events (scalars, starts and ends of lists and mappings) a packer.yaml may have.</summary>
    public const int MaxEvents = 100_000;

    /// <summary>How long parsing may take.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(5);

    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private int depth;
    private int events;

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
            throw Stop($"lists and mappings are nested more than {MaxDepth} deep; a packer.yaml needs a few levels at most.");
        }

        if (++events > MaxEvents || clock.Elapsed > MaxTime)
        {
            throw Stop($"more than {(events > MaxEvents ? $"{MaxEvents:N0} values" : $"{MaxTime.TotalSeconds:N0} s of parsing")}; a packer.yaml is a short list of settings.");
        }

        if (current is SequenceEnd or MappingEnd)
        {
            depth--;
        }

        return moved;
    }

    private UsageException Stop(string message) =>
        new(message, DiagnosticCodes.ConfigSyntax, new SourceLocation(Path.GetFullPath(file), file, LastLine, LastColumn));
}

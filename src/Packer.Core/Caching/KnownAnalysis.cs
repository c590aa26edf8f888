using Packer.Core.Graph;
using Packer.Core.History;

namespace Packer.Core.Caching;

/// <summary>
/// What a warm run takes over from the cache: the syntax facts of the files that did not change, and
/// the usage facts that are still true. A file's usage facts go stale when its code changed (not only its
/// comments or layout: <see cref="FileSyntax.Code"/>), and when a
/// changed file's shape changed (<see cref="FileSyntax.Shape"/>: a declaration added, removed, renamed or
/// re-signatured, a using directive, an attribute) and it used a symbol declared there or spells a name that
/// file declares (before or after the change), since that name may now bind elsewhere. An edit inside
/// bodies or comments leaves every other file's facts as they were. Stale files are bound again if the
/// ranking needs them, so the work after k edits is proportional to k (and, for edits that change shapes,
/// their neighbours).
/// </summary>
internal sealed class KnownAnalysis
{
    private readonly IReadOnlyDictionary<string, CachedFile> cached;
    private readonly IReadOnlySet<string> changed;

    public KnownAnalysis(
        IReadOnlyDictionary<string, CachedFile> cached,
        IReadOnlySet<string> changed,
        IReadOnlyDictionary<string, int> tokenCounts,
        IReadOnlyDictionary<string, string> signatures,
        GitLog? history)
    {
        Signatures = signatures;
        History = history;
        this.cached = cached;
        this.changed = changed;
        TokenCounts = tokenCounts;
        Syntax = cached.Where(kv => !changed.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value.Syntax, StringComparer.Ordinal);
    }

    // The same, with the facts of files read while the solution loaded for the files it holds none of.
    private KnownAnalysis(KnownAnalysis known, IReadOnlyDictionary<string, FileSyntax> read)
    {
        (Signatures, History, cached, changed, TokenCounts) = (known.Signatures, known.History, known.cached, known.changed, known.TokenCounts);
        var syntax = new Dictionary<string, FileSyntax>(read, StringComparer.Ordinal);
        foreach (var (path, facts) in known.Syntax)
        {
            syntax[path] = facts;
        }

        Syntax = syntax;
    }

    /// <summary>Gets nothing known: a cold run.</summary>
    public static KnownAnalysis None { get; } = new(new Dictionary<string, CachedFile>(), new HashSet<string>(), new Dictionary<string, int>(), new Dictionary<string, string>(), null);

    /// <summary>Gets the commit log the last run read, if any.</summary>
    public GitLog? History { get; }

    /// <summary>Gets the token counts the last run used.</summary>
    public IReadOnlyDictionary<string, int> TokenCounts { get; }

    /// <summary>Gets the signatures the last runs used, by hash of the text they were extracted from.</summary>
    public IReadOnlyDictionary<string, string> Signatures { get; }

    /// <summary>Gets the syntax facts of the unchanged files, by path.</summary>
    public IReadOnlyDictionary<string, FileSyntax> Syntax { get; }

    /// <summary>The same, with the syntax facts of files read while the solution loaded (<see cref="ParseAhead"/>) for the files it knows none of.</summary>
    /// <param name="read">The facts, by path.</param>
    public KnownAnalysis WithSyntaxReadDuringLoad(IReadOnlyDictionary<string, FileSyntax> read) => read.Count == 0 ? this : new(this, read);

    /// <summary>Gets the changed files.</summary>
    public IReadOnlySet<string> Changed => changed;

    /// <summary>The usage facts that are still true, given the index of the current file contents.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<UsageFact>> FactsStillValid(SyntaxIndex index)
    {
        // A changed file keeps its own facts when only its comments or layout changed.
        var facts = cached.Where(kv => kv.Value.Facts is not null && (!changed.Contains(kv.Key) || SameCode(kv.Value.Syntax, index[kv.Key])));
        var reshaped = changed.Where(path => Reshaped(cached.GetValueOrDefault(path)?.Syntax, index[path])).ToHashSet(StringComparer.Ordinal);
        if (reshaped.Count > 0)
        {
            var declared = reshaped
                .SelectMany(path => (cached.GetValueOrDefault(path)?.Syntax.DeclaredNames ?? []).Concat(index[path]?.DeclaredNames ?? []))
                .ToHashSet(StringComparer.Ordinal);
            facts = facts.Where(kv =>
                !kv.Value.Facts!.Any(f => f.DeclaredIn.Any(reshaped.Contains))
                && !declared.Any(kv.Value.Syntax.Identifiers.ContainsKey));
        }

        return facts.ToDictionary(kv => kv.Key, kv => kv.Value.Facts!, StringComparer.Ordinal);
    }

    private static bool SameCode(FileSyntax before, FileSyntax? after) => before.Code.Length > 0 && before.Code == after?.Code;

    // Whether a changed file may bind others differently: it is new or gone, or its shape moved (or is unknown).
    private static bool Reshaped(FileSyntax? before, FileSyntax? after) =>
        before is null || after is null || before.Shape.Length == 0 || before.Shape != after.Shape;
}

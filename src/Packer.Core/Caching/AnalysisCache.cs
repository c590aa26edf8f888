using Packer.Core.Graph;
using Packer.Core.History;

namespace Packer.Core.Caching;

/// <summary>
/// Everything one run learnt that the next can reuse: how the solution loaded (and the hashes of the build
/// inputs that decided it), and for each C# file, keyed by the hash of its content, its syntax facts and,
/// once bound, what it uses.
/// </summary>
/// <param name="Settings">The tool build and the settings the analysis depends on; any difference discards the cache.</param>
/// <param name="Root">The repository root the paths are relative to.</param>
/// <param name="Inputs">Hashes of the build inputs, by absolute path.</param>
/// <param name="SourceDigest">Digest of the C# file paths in the project folders.</param>
/// <param name="Snapshot">The loaded solution.</param>
/// <param name="Files">Each C# file's analysis, by repository-relative path.</param>
/// <param name="TokenCounts">The token counts the last runs used, by hash of encoding and text (see <see cref="Tokenization.TokenCountMemo"/>).</param>
/// <param name="Signatures">The signatures the last runs used, by hash of the text they were extracted from (see <see cref="Budget.SignatureMemo"/>).</param>
/// <param name="History">The commit log as of the last run's HEAD, if the repository has one.</param>
internal sealed record AnalysisCache(
    string Settings,
    string Root,
    IReadOnlyDictionary<string, string> Inputs,
    string SourceDigest,
    SolutionSnapshot Snapshot,
    IReadOnlyDictionary<string, CachedFile> Files,
    IReadOnlyDictionary<string, int> TokenCounts,
    IReadOnlyDictionary<string, string> Signatures,
    GitLog? History);

/// <summary>One C# file's analysis.</summary>
/// <param name="Hash">The hash of the content it was made from.</param>
/// <param name="Syntax">Its syntax facts.</param>
/// <param name="Facts">What it uses, or null when it was never bound (or its facts went stale).</param>
/// <param name="Stamp">Its stamp when it was hashed, or none: while the file's stamp is this, the hash stands.</param>
internal sealed record CachedFile(string Hash, FileSyntax Syntax, IReadOnlyList<UsageFact>? Facts, FileStamp Stamp = default);

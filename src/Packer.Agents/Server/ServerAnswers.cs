using Packer.Core;
using Packer.Core.Ranking;

namespace Packer.Agents.Server;

/// <summary>What <c>pack_context</c> answers.</summary>
/// <param name="Id">The bundle's id, for <c>read_bundle</c>: the same targets, cap and format give the same id.</param>
/// <param name="Path">The bundle file (absolute).</param>
/// <param name="Manifest">Its manifest (absolute).</param>
/// <param name="Format">Its format.</param>
/// <param name="TotalTokens">Its tokens.</param>
/// <param name="MaxTokens">The cap it was packed to.</param>
/// <param name="Segments">Its segments with token offsets.</param>
/// <param name="Files">The files it holds text of, in bundle order (the most relevant of them when the list is cut to fit the inline limit).</param>
/// <param name="Listed">How many more files it lists by path only.</param>
/// <param name="Warnings">The run's warnings.</param>
/// <param name="LeftOut">When files or warnings were left out to keep the answer within the inline limit: how many, and where they all are.</param>
/// <param name="Inline">Whether <paramref name="Bundle"/> holds the bundle, and if not, why.</param>
/// <param name="Bundle">The bundle's text, when it fits within the inline limit with the rest of the answer.</param>
public sealed record PackAnswer(
    string Id,
    string Path,
    string Manifest,
    string Format,
    int TotalTokens,
    int MaxTokens,
    IReadOnlyList<SegmentAnswer> Segments,
    IReadOnlyList<FileAnswer> Files,
    int Listed,
    IReadOnlyList<string> Warnings,
    string? LeftOut,
    string Inline,
    string? Bundle);

/// <summary>One segment of a bundle.</summary>
/// <param name="Kind">header, stable, volatile, targets or edits.</param>
/// <param name="TokenStart">Tokens before it.</param>
/// <param name="TokenEnd">Tokens up to its end.</param>
public sealed record SegmentAnswer(string Kind, int TokenStart, int TokenEnd);

/// <summary>One file of a bundle.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Fidelity">full or signatures.</param>
/// <param name="Segment">The segment it is in.</param>
/// <param name="Tokens">Its tokens.</param>
/// <param name="Reason">Why it is there.</param>
public sealed record FileAnswer(string Path, string Fidelity, string Segment, int Tokens, string Reason);

/// <summary>What <c>rank_files</c> answers.</summary>
/// <param name="Target">The targets, space-separated ("" when a task alone ranked the files).</param>
/// <param name="TotalFiles">How many files were ranked.</param>
/// <param name="Files">The top files, best first.</param>
/// <param name="LeftOut">When files were left out to keep the answer within the inline limit: how many, and how to get them.</param>
public sealed record RankAnswer(string Target, int TotalFiles, IReadOnlyList<RankedAnswer> Files, string? LeftOut = null);

/// <summary>One ranked file.</summary>
/// <param name="Rank">1-based rank: the targets' files first, in the order a bundle packs them, then the others by score, highest first.</param>
/// <param name="Target">True for a target's file (null otherwise): its place comes from being a target, not from its score.</param>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Project">Its project.</param>
/// <param name="Score">Its score: for other files the one that orders them (the task model's with a task, else the ranking model's); for a target's file its own, which does not place it.</param>
/// <param name="Fidelity">Where a bundle at the default cap puts it: full, signatures, listed or omitted.</param>
/// <param name="Reason">Why it ranks there.</param>
/// <param name="Drivers">The ranking model's features that raised its score most, with the log-odds each added (none for a target).</param>
/// <param name="Task">With a task: what in it matched the file (a stack frame, a message, a declared name, the strongest words).</param>
public sealed record RankedAnswer(int Rank, bool? Target, string Path, string Project, double Score, string Fidelity, string Reason, IReadOnlyList<Driver> Drivers, IReadOnlyList<string>? Task = null);

/// <summary>What <c>explain_file</c> answers.</summary>
/// <param name="Path">The file, repository-relative.</param>
/// <param name="InBundle">Whether the bundle holds its text (full or signatures).</param>
/// <param name="Fidelity">full, signatures, listed or omitted.</param>
/// <param name="Segment">Its segment, when placed.</param>
/// <param name="Rank">Its rank.</param>
/// <param name="TotalFiles">How many files were ranked.</param>
/// <param name="Score">Its score.</param>
/// <param name="Reason">Why it ranks there.</param>
/// <param name="Drivers">The ranking model's features that raised its score most, with the log-odds each added (none for a target).</param>
/// <param name="Explanation">The answer in a sentence or two.</param>
public sealed record ExplainAnswer(
    string Path, bool InBundle, string Fidelity, string? Segment, int Rank, int TotalFiles, double Score, string Reason, IReadOnlyList<Driver> Drivers, string Explanation);

using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Ranking;
using Packer.Core.Targeting;
using Packer.Core.Text;

namespace Packer.Core.Manifest;

/// <summary>Makes the manifest of one run: the ranking and the budget's decisions on it, side by side.</summary>
internal static class ManifestBuilder
{
    /// <summary>Makes the manifest of one run.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="solution">The solution path, as the bundle spells it.</param>
    /// <param name="targets">The resolved targets.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="selection">The budgeted selection.</param>
    /// <param name="warnings">The run's warnings.</param>
    /// <param name="header">The bundle's rendered header; with --previous its hash goes into the session.</param>
    /// <param name="texts">The texts the bundle was made of, with what was redacted from them.</param>
    /// <param name="taskSummary">The run's task, or null for none.</param>
    public static ManifestDocument Build(
        PackOptions options,
        string solution,
        IReadOnlyList<ResolvedTarget> targets,
        IReadOnlyList<RankedFile> ranked,
        Selection selection,
        IReadOnlyList<string> warnings,
        string header,
        FileTexts texts,
        ManifestTask? taskSummary = null)
    {
        var placements = Placements(selection.Content);
        var files = ranked.Select(file =>
        {
            var decision = selection.Decisions[file.Path];
            var placed = placements.GetValueOrDefault(file.Path);
            return new ManifestFile
            {
                Path = file.Path,
                Project = file.Project,
                Rank = file.Rank,
                Score = file.Score,
                Fidelity = decision.Fidelity,
                Segment = placed?.Segment,
                Position = placed?.Position,
                Hash = placed?.Hash,
                Tokens = decision.Tokens,
                Reason = file.Reason,
                Signals = file.Signals,
                Drivers = !file.IsTarget && decision.Fidelity is Fidelity.Full or Fidelity.Signatures ? file.Drivers : null,
                Task = file.Task is not { } task ? null
                    : decision.Fidelity is Fidelity.Omitted ? task with { Matched = [] } : task,
            };
        }).ToList();
        return new ManifestDocument
        {
            SchemaVersion = ManifestJson.SchemaVersion,
            Tool = ManifestJson.Tool,
            Solution = solution,
            Tokenizer = options.Tokenizer,
            Format = options.Format,
            CacheMinTokens = options.Format == BundleFormat.Anthropic ? options.CacheMinTokens : null,
            MaxTokens = options.MaxTokens,
            TotalTokens = selection.TotalTokens,
            Segments = selection.Rendered.Segments,
            Targets = targets,
            Task = taskSummary,
            Files = files,
            Warnings = warnings,
            Summary = selection.Summary,
            Redaction = options.Redaction.Describe(),
            Redactions = Redactions(selection.Content, texts),
            Session = options.Previous is null ? null : Session(selection, header),
        };
    }

    // Where each file's first block went: its segment, its 1-based position in the bundle, and its hash (none
    // for a listed path). A file with diffs appended is placed where its text is.
    private static Dictionary<string, Placement> Placements(BundleContent content) => content.Segments
        .SelectMany(s => s.Entries.Select(e => (Entry: e, s.Kind)))
        .Select((x, i) => (x.Entry.Path, Placement: new Placement(x.Kind, i + 1, x.Entry.Fidelity == Fidelity.Listed ? null : x.Entry.Hash)))
        .DistinctBy(x => x.Path, StringComparer.Ordinal)
        .ToDictionary(x => x.Path, x => x.Placement, StringComparer.Ordinal);

    // What was redacted from the files whose text the bundle holds, in path and line order; null when nothing was.
    private static List<ManifestRedaction>? Redactions(BundleContent content, FileTexts texts)
    {
        var redactions = content.Entries
            .Where(e => e.Fidelity != Fidelity.Listed)
            .Select(e => e.Path)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => texts.Findings(path).Select(f => new ManifestRedaction(path, f.Line, f.RuleId)))
            .ToList();
        return redactions.Count == 0 ? null : redactions;
    }

    private static ManifestSession Session(Selection selection, string header) => new(
        ContentHash.Of(header),
        selection.Content.Segments.SelectMany(s => s.Entries.Select(e => new ManifestBlock(s.Kind, e.Path, e.Project, e.Fidelity, e.Text))).ToList(),
        selection.Views.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new ManifestView(v.Key, v.Value)).ToList());

    private sealed record Placement(SegmentKind Segment, int Position, string? Hash);
}

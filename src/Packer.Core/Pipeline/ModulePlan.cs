using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Module;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;

namespace Packer.Core.Pipeline;

/// <summary>
/// The plan for targets whose files do not fit the cap (docs/output.md, "Targets larger than the cap").
/// <see cref="Measure"/> is the one place that tells them apart: it returns null when the targets fit. Otherwise
/// only the targets' most central files are bound (<see cref="CentralBinding"/>), the targets are ranked within
/// themselves (<see cref="WithinTargetRanking"/>), and <see cref="Select"/> packs their outline and central files
/// (<see cref="ModulePlanner"/>).
/// </summary>
internal sealed class ModulePlan : IPackPlan
{
    private const int NarrowerTargets = 8;

    private readonly IBundleRenderer renderer;
    private readonly TokenCounter counter;
    private readonly BlockPricer pricer;

    private ModulePlan(IBundleRenderer renderer, TokenCounter counter, BlockPricer pricer, ModuleScope module, IReadOnlyList<string> targetFiles)
    {
        this.renderer = renderer;
        this.counter = counter;
        this.pricer = pricer;
        Module = module;
        TargetFiles = targetFiles;
    }

    /// <summary>Gets the targets, measured.</summary>
    public ModuleScope Module { get; }

    /// <inheritdoc/>
    public BundleHeader Header => Module.Header;

    /// <inheritdoc/>
    public IReadOnlyList<string> TargetFiles { get; }

    /// <inheritdoc/>
    public IReadOnlySet<string> Scope { get; } = new HashSet<string>();

    /// <summary>
    /// Measures the targets: null when their files, in full, fit in what the cap leaves them. Otherwise their header
    /// gives their file counts only, and what the cap leaves them is measured again with it.
    /// </summary>
    /// <param name="renderer">Renders the bundle.</param>
    /// <param name="counter">Counts tokens.</param>
    /// <param name="texts">Reads the files.</param>
    /// <param name="loaded">The solution.</param>
    /// <param name="index">Its syntax index.</param>
    /// <param name="targets">The resolved targets.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="header">The bundle's header.</param>
    /// <param name="length">A file's length in characters.</param>
    public static ModulePlan? Measure(
        IBundleRenderer renderer, TokenCounter counter, FileTexts texts,
        LoadedSolution loaded, SyntaxIndex index, IReadOnlyList<ResolvedTarget> targets, PackOptions options, BundleHeader header, Func<string, int> length)
    {
        var pricer = new BlockPricer(renderer, counter, texts);
        var fitter = new BundleFitter(renderer, counter, pricer, null);
        var room = TargetFit.Room(options, fitter, header);
        var byPath = loaded.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var files = targets.SelectMany(t => t.Files).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!TargetFit.Exceeds(files.Select(f => byPath[f]), pricer, room))
        {
            return null;
        }

        var counted = header with { TargetFileCounts = true };
        var solutionFiles = loaded.Files.Where(f => f.IsCSharp).Select(f => f.Path).ToList();
        var centrality = SyntaxCentrality.Measure(index, solutionFiles, files, length);
        var narrower = Narrowing.Suggest(targets, index, centrality, NarrowerTargets);
        var module = ModuleScope.Of(targets, centrality, options.MaxTokens, TargetFit.Room(options, fitter, counted), narrower, counted);
        return new ModulePlan(renderer, counter, pricer, module, files);
    }

    /// <inheritdoc/>
    public Task<DocumentGraph> BindAsync(SyntaxIndex index, UsageCollector usages, IReadOnlyList<string> anchors, CancellationToken cancellationToken) =>
        CentralBinding.BindAsync(Module, usages, cancellationToken);

    /// <inheritdoc/>
    public IReadOnlyList<RankedFile> Order(IReadOnlyList<RankedFile> ranked, DocumentGraph graph) => WithinTargetRanking.Rerank(Module, ranked, graph);

    /// <summary>Chooses and renders the bundle of targets larger than the cap: repeats a session's earlier bundle with the edits appended while its outline holds, else packs afresh.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="ranked">Every file, the targets first in their within-target order.</param>
    /// <param name="previous">What reading --previous gave.</param>
    /// <param name="git">The repository's history, if any (where the files other than the targets go).</param>
    /// <returns>The selection, and what became of the earlier bundle.</returns>
    public (Selection Selection, PreviousOutcome Previous) Select(PackOptions options, IReadOnlyList<RankedFile> ranked, PreviousRead previous, GitHistory? git)
    {
        var scope = Module;
        var header = scope.Header;
        var fitter = new BundleFitter(renderer, counter, pricer, git);
        var planner = new ModulePlanner(pricer, fitter, git);
        var outline = ModuleOutline.Of(scope.Files.Select(f => (f, scope.Centrality[f].Types)).ToList());
        var plan = planner.Plan(scope, outline, ModuleSummary.Title(scope.Targets.Select(t => t.Spec).ToList()), ranked);
        var editRoom = options.EditRoomTokens;
        var outcome = previous.Outcome;
        if (previous.Bundle?.Session is { } session)
        {
            var earlier = session.Segments.Where(s => s.Kind == SegmentKind.Outline).SelectMany(s => s.Entries).FirstOrDefault();
            var why = "the outline changed (files added, moved or removed)";
            if (earlier is not null && earlier == plan.Outline)
            {
                var split = new BudgetSplit(options.MaxTokens, editRoom, [], 0, 0, []);
                var attempt = new EditAppender(pricer, fitter).Append(header, renderer.Begin(header), ranked, session, [], split);
                if (attempt.Selection is { } appended)
                {
                    var decisions = ModulePlanner.Outlined(appended.Decisions, ranked, outline: true);
                    return (Summarized(appended with { Decisions = decisions }, scope, outline, plan.Level, options.MaxTokens, editRoom), outcome.Then(PreviousUse.Appended, attempt.Reason));
                }

                why = attempt.Reason;
            }

            outcome = outcome.Then(PreviousUse.Repacked, $"{why}; packed the targets' outline and central files afresh");
        }

        var (selection, fitted) = planner.Fit(header, ranked, plan, options.MaxTokens);
        return (Summarized(selection, scope, outline, fitted.Level, options.MaxTokens, editRoom), outcome);
    }

    private static Selection Summarized(Selection selection, ModuleScope scope, ModuleOutline outline, OutlineLevel? level, int maxTokens, int editRoom)
    {
        var summary = ModuleSummary.Of(scope, outline, level, selection.Decisions);
        return selection with { Warnings = [ModuleSummary.Warning(summary, maxTokens, editRoom)], Summary = summary };
    }
}

using System.Diagnostics;
using Packer.Core.Budget;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Core.Ordering;
using Packer.Core.Output;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;

namespace Packer.Core.Pipeline;

/// <summary>
/// The one entry point: loaded solution → syntax index → resolved targets → document graph → ranked
/// files → budgeted selection → bundle and manifest. The CLI and the build target both call this.
/// </summary>
public static class ContextPacker
{
    /// <summary>Runs the pipeline; writes nothing.</summary>
    /// <param name="options">The merged options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<PackResult> PackAsync(PackOptions options, string workingDirectory, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TokenCounter.Create(options.Tokenizer); // fail on a bad tokenizer before the slow load
        var solutionPath = SolutionFinder.Find(options.SolutionPath);
        var loaded = await WorkspaceLoader.LoadAsync(solutionPath, new FileFilter(options.Include, options.Exclude), cancellationToken)
            .ConfigureAwait(false);
        var load = new PhaseTiming("load", clock.Elapsed);
        var result = await PackAsync(loaded, options, workingDirectory, cancellationToken).ConfigureAwait(false);
        return result with { Timings = [load, .. result.Timings] };
    }

    /// <summary>Runs every stage after loading on an already loaded solution; writes nothing.</summary>
    /// <param name="loaded">The loaded solution (its include and exclude globs were applied when it was loaded).</param>
    /// <param name="options">The merged options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<PackResult> PackAsync(LoadedSolution loaded, PackOptions options, string workingDirectory, CancellationToken cancellationToken)
    {
        var timings = new List<PhaseTiming>();
        var clock = Stopwatch.StartNew();
        void Lap(string phase)
        {
            timings.Add(new PhaseTiming(phase, clock.Elapsed));
            clock.Restart();
        }

        var counter = TokenCounter.Create(options.Tokenizer);
        loaded = LooseFiles.AddTargets(loaded, options.Targets, workingDirectory);
        var index = await SyntaxIndex.BuildAsync(loaded, cancellationToken).ConfigureAwait(false);
        var targets = new TargetResolver(loaded, index, workingDirectory).ResolveAll(options.Targets);
        Lap("index");

        var targetFiles = targets.SelectMany(t => t.Files).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var usages = new UsageCollector(loaded, index);
        var graph = await GraphBuilder.BuildAsync(index, usages, targetFiles, new GraphOptions(), cancellationToken).ConfigureAwait(false);
        Lap("graph");

        var texts = new FileTexts(loaded.Root);
        var git = GitHistory.Read(loaded.Root);
        var coChange = git?.CoChange(targetFiles) ?? new Dictionary<string, double>();
        var ranked = Ranker.Rank(loaded, index, graph, coChange, path => texts.Read(path)?.Length ?? 0, new RankingWeights());
        Lap("rank");

        var renderer = RendererFactory.For(options.Format, options.CacheMinTokens);
        var header = Header(loaded, targets, renderer, counter, options.MaxTokens);
        var planner = new BudgetPlanner(renderer, counter, texts, git);
        var selection = planner.Plan(header, ranked, options.MaxTokens);
        var warnings = loaded.Warnings.Concat(selection.Warnings).ToList();
        var manifest = ManifestWriter.Write(options, loaded.SolutionPath, targets, new PackedFiles(ranked, selection), warnings);
        Lap("render");

        var stats = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["projects"] = loaded.Projects.Count,
            ["files"] = loaded.Files.Count,
            ["boundFiles"] = graph.BoundFiles,
            ["graphFiles"] = graph.Hops.Count,
            ["edges"] = graph.Edges.Count,
            ["included"] = selection.Content.Entries.Count(e => e.Fidelity != Fidelity.Listed),
            ["listed"] = selection.Content.Entries.Count(e => e.Fidelity == Fidelity.Listed),
        };
        return new PackResult(selection.Rendered.Text, manifest, selection.TotalTokens, warnings, timings, stats);
    }

    // The project graph is the most stable context there is, but on a large solution it may not be
    // worth its tokens: it is left out when it would take more than a tenth of the cap.
    private static BundleHeader Header(LoadedSolution loaded, IReadOnlyList<ResolvedTarget> targets, IBundleRenderer renderer, TokenCounter counter, int maxTokens)
    {
        var header = new BundleHeader(loaded.SolutionPath, loaded.Projects, targets);
        return counter.Count(renderer.Begin(header)) <= maxTokens / 10 ? header : header with { Projects = [] };
    }
}

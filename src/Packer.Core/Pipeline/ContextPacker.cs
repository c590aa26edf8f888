using System.Diagnostics;
using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Loading;
using Packer.Core.Localization;
using Packer.Core.Manifest;
using Packer.Core.Module;
using Packer.Core.Output;
using Packer.Core.Ranking;
using Packer.Core.Redaction;
using Packer.Core.Rendering;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;

namespace Packer.Core.Pipeline;

/// <summary>
/// The one entry point: loaded solution → syntax index → resolved targets → document graph → ranked
/// files → budgeted selection → bundle and manifest. Every command of the CLI calls this (and so does the
/// MSBuild package, which runs the CLI). With the cache, a run whose solution did not change skips MSBuild
/// and re-reads only the changed files; its output is the same as a cold run's.
/// </summary>
public static class ContextPacker
{
    /// <summary>Runs the pipeline; writes nothing but the cache.</summary>
    /// <param name="options">The merged options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="progress">Told the name of each phase as it starts (may be null).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="PackerException">An expected failure: bad input, a solution that cannot be loaded, a file that cannot be read.</exception>
    public static Task<PackResult> PackAsync(PackOptions options, string workingDirectory, IProgress<string>? progress, CancellationToken cancellationToken) =>
        PackAsync(options, workingDirectory, memory: null, progress, cancellationToken);

    /// <summary>
    /// Runs the pipeline as <see cref="PackAsync(PackOptions, string, IProgress{string}?, CancellationToken)"/> does, but
    /// when the bundle goes to a file (<see cref="PackOptions.Output"/>) and every input is as it was for the last such run
    /// of the solution (the tool, the options, the working folder, the build inputs, every file's content, git's HEAD and
    /// working-tree changes) and that file still holds its bundle, returns that run's bundle and manifest without reading
    /// the cache, indexing, ranking or rendering (<see cref="LastRun"/>). The result's <see cref="PackResult.Ranked"/> is
    /// then empty: callers that read the ranking use the other overloads; the caller writes the outputs, as always.
    /// </summary>
    /// <param name="options">The merged options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="progress">Told the name of each phase as it starts (may be null).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="PackerException">An expected failure: bad input, a solution that cannot be loaded, a file that cannot be read.</exception>
    public static async Task<PackResult> PackOrRepeatAsync(PackOptions options, string workingDirectory, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await PackFromCacheOrLoadAsync(options, workingDirectory, memory: null, progress, repeat: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e);
        }
    }

    /// <summary>Runs the pipeline, keeping the analysis in <paramref name="memory"/> between runs (a server); writes nothing but the cache.</summary>
    /// <param name="options">The merged options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="memory">The analyses kept between runs of this process, or null to use only the cache file.</param>
    /// <param name="progress">Told the name of each phase as it starts (may be null).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="PackerException">An expected failure: bad input, a solution that cannot be loaded, a file that cannot be read.</exception>
    public static async Task<PackResult> PackAsync(
        PackOptions options, string workingDirectory, AnalysisMemory? memory, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await PackFromCacheOrLoadAsync(options, workingDirectory, memory, progress, repeat: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e);
        }
    }

    private static async Task<PackResult> PackFromCacheOrLoadAsync(
        PackOptions options, string workingDirectory, AnalysisMemory? memory, IProgress<string>? progress, bool repeat, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TokenCounter.Create(options.Tokenizer); // a bad tokenizer fails before the slow load

        var solutionPath = await Preflight.CheckAsync(options, workingDirectory, cancellationToken).ConfigureAwait(false);
        var filter = new FileFilter(options.Include, options.Exclude);
        var focus = await ProjectFocus.ForAsync(solutionPath, options.Targets, options.MaxTokens, workingDirectory, cancellationToken).ConfigureAwait(false);
        var cacheDirectory = options.CacheDirectory ?? SolutionCache.DefaultDirectory;
        IAnalysisStore? cache = !options.UseCache ? null
            : memory?.For(cacheDirectory, solutionPath, filter, focus, options.ConfigFile)
            ?? new SolutionCache(cacheDirectory, solutionPath, filter, focus, options.ConfigFile);

        // A command-line run writing its bundle to a file, without an earlier bundle to extend, may be the last such
        // run again: then its bundle and manifest are that run's, found without reading the cache or loading anything.
        var repeatable = repeat && options is { Previous: null, Output: not null } ? cache as SolutionCache : null;
        if (repeatable is not null
            && LastRun.TryRepeat(repeatable.LastRunFile, options, workingDirectory, repeatable.Root, filter, options.Output!) is { } repeated)
        {
            return repeated with
            {
                Timings = [new PhaseTiming("repeat", clock.Elapsed)],
                Cache = new CacheOutcome(CacheState.Warm, "the last run's bundle, as every input is as it was"),
            };
        }

        progress?.Report("checking cache");
        var lookup = cache?.TryReuse(filter);
        if (lookup?.Warm is null)
        {
            progress?.Report("loading solution");
            TokenCounter.Preload(options.Tokenizer); // a warm run usually finds every count in the cache
        }

        // A cold load: the files are read into the index's facts while MSBuild evaluates the projects (the load
        // registers the SDK, whose version the parse options follow, before it first waits).
        var loading = lookup?.Warm is null ? WorkspaceLoader.LoadAsync(solutionPath, filter, cancellationToken, focus) : null;
        var ahead = loading is not null && !WorkspaceLoader.OpensOneProject(solutionPath)
            ? ParseAhead.Start(RepositoryRoot.For(solutionPath), solutionPath, focus, ParseAhead.OptionsFor(MsBuildRegistration.RegisteredPath), cancellationToken)
            : null;
        LoadedSolution loaded;
        try
        {
            loaded = lookup?.Warm?.Loaded ?? await loading!.ConfigureAwait(false);
        }
        catch
        {
            ahead?.Cancel();
            throw;
        }

        var known = lookup?.Warm?.Known ?? KnownAnalysis.None;
        if (ahead is not null)
        {
            known = known.WithSyntaxReadDuringLoad(await ahead.FinishAsync(loaded).ConfigureAwait(false));
        }

        var load = new PhaseTiming("load", clock.Elapsed);
        var history = Task.Run(() => GitHistory.Read(loaded.Root, known.History), cancellationToken);
        var (result, analysis) = await PackAsync(loaded, options, workingDirectory, known, history, progress, cancellationToken).ConfigureAwait(false);
        clock.Restart();
        var outcome = cache is null || lookup is null ? CacheOutcome.Off : cache.Save(lookup, loaded, analysis);

        // Kept for the next run: a warm start has checked every file, as a repeat checks them (a cold one would hash them
        // all again), and a target outside the solution is a file no fingerprint holds.
        if (repeatable is not null && lookup?.Warm is { } warm
            && LooseFiles.Named(loaded.Root, loaded.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal), options.Targets, workingDirectory).Count == 0)
        {
            var (git, log) = await history.ConfigureAwait(false);
            var solution = SolutionFingerprint.Of(warm);
            var state = git is not null && log is not null ? (log.Head, git.Changed) : ((string, IReadOnlySet<string>)?)null;
            LastRun.Write(repeatable.LastRunFile, LastRun.Key(options, workingDirectory, solution, solution.Hashes, state), solution, options, result);
        }

        var save = new PhaseTiming("cache", clock.Elapsed);
        return result with { Timings = [load, .. result.Timings, save], Cache = outcome };
    }

    /// <summary>Runs every stage after loading on an already loaded solution; writes nothing.</summary>
    /// <param name="loaded">The loaded solution (its include and exclude globs were applied when it was loaded).</param>
    /// <param name="options">The merged options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<PackResult> PackAsync(LoadedSolution loaded, PackOptions options, string workingDirectory, CancellationToken cancellationToken) =>
        (await PackAsync(loaded, options, workingDirectory, KnownAnalysis.None, history: null, null, cancellationToken).ConfigureAwait(false)).Result;

    private static async Task<(PackResult Result, RunAnalysis Analysis)> PackAsync(
        LoadedSolution loaded,
        PackOptions options,
        string workingDirectory,
        KnownAnalysis known,
        Task<(GitHistory? History, GitLog? Log)>? history,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var timings = new List<PhaseTiming>();
        var clock = Stopwatch.StartNew();
        void Lap(string phase, string? next)
        {
            timings.Add(new PhaseTiming(phase, clock.Elapsed));
            clock.Restart();
            if (next is not null)
            {
                progress?.Report(next);
            }
        }

        progress?.Report("indexing");
        var withLoose = LooseFiles.AddTargets(loaded, options.Targets, workingDirectory);
        OutputGuard.CheckNotIn(Preflight.Outputs(options), withLoose.Root, withLoose.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
        var index = await SyntaxIndex.BuildAsync(withLoose, known.Syntax, cancellationToken).ConfigureAwait(false);
        var targets = options.Targets.Count == 0 && options.Task is not null ? [] : new TargetResolver(withLoose, index, workingDirectory).ResolveAll(options.Targets);
        var signatures = new SignatureMemo(known.Signatures);
        var texts = new FileTexts(withLoose.Root, new SecretRedactor(options.Redaction), options.MaxFileBytes, signatures);
        var tokenCounts = new TokenCountMemo(known.TokenCounts);
        var counter = TokenCounter.Create(options.Tokenizer).Remembering(tokenCounts);
        var renderer = RendererFactory.For(options.Format, options.CacheMinTokens);
        var header = Header(withLoose, targets, renderer, counter, options.MaxTokens);

        // A file's length, for ranking: the syntax index recorded it when it parsed the file, so a warm run does not
        // read every file again for it (only looks each up: a missing or too large one still says why it is left out).
        int Length(string path) => (int)Math.Min(int.MaxValue, texts.Length(path, index[path]?.Length ?? -1));

        var (task, taskWarning) = TaskStage.Match(options, withLoose, index, texts, targets);
        var (plan, scopeWarning) = PackPlans.Choose(renderer, counter, texts, withLoose, index, targets, options, header, Length, task);
        Lap("index", "binding");

        history ??= Task.Run(() => GitHistory.Read(withLoose.Root, known.History), cancellationToken);
        var anchors = task is null || !options.WalkFromTask ? plan.TargetFiles : [.. plan.TargetFiles.Union(task.Anchors, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var stillValid = known.FactsStillValid(index);
        var usages = new UsageCollector(withLoose, index, stillValid);
        var graph = await plan.BindAsync(index, usages, anchors, cancellationToken).ConfigureAwait(false);
        Lap("graph", "ranking");

        var (git, log) = await history.ConfigureAwait(false);
        // The reasons name what the ranking is around: the targets, or the files the task matched beside them.
        var anchorNames = anchors.Count > plan.TargetFiles.Count ? AnchorNames.ForTask(plan.TargetFiles.Count > 0) : AnchorNames.Targets;
        IReadOnlyList<RankedFile> ranked = Ranker.Rank(withLoose, index, graph, git, Length, new RankingWeights(), anchorNames);
        ranked = task is null ? ranked : TaskRanking.Rerank(ranked, task, plan.TargetFiles.ToHashSet(StringComparer.Ordinal), plan.Scope, TaskStage.Weights);
        ranked = [.. ranked.Select(f => texts.SkipReason(f.Path) is { } why ? f with { Reason = why } : f)];
        ranked = plan.Order(ranked, graph);
        Lap("rank", "rendering");

        var previous = options.Previous is null
            ? new PreviousRead(null, PreviousOutcome.Off, null)
            : PreviousManifest.Read(options.Previous, options, withLoose.SolutionPath, targets);
        var (selection, previousOutcome) = plan.Select(options, ranked, previous, git);
        var warnings = withLoose.Warnings.Concat(texts.Warnings).Concat(new[] { scopeWarning, taskWarning }.OfType<string>())
            .Concat(previous.Warning is null ? [] : [previous.Warning]).Concat(selection.Warnings).ToList();
        var manifest = ManifestBuilder.Build(options, withLoose.SolutionPath, targets, ranked, selection, warnings, renderer.Begin(plan.Header), texts, TaskStage.Summary(options, task));
        Lap("render", null);

        var stats = new RunStats(
            Projects: withLoose.Projects.Count,
            Files: withLoose.Files.Count,
            ChangedFiles: known.Changed.Count,
            BoundFiles: graph.BoundFiles,
            GraphFiles: graph.Hops.Count,
            Edges: graph.Edges.Count,
            Included: selection.Content.Entries.Where(e => e.Fidelity is not (Fidelity.Listed or Fidelity.Outline)).DistinctBy(e => e.Path, StringComparer.Ordinal).Count(),
            Listed: selection.Content.Entries.Count(e => e.Fidelity == Fidelity.Listed),
            KeptFiles: selection.KeptFiles,
            AppendedEdits: selection.AppendedEdits,
            Outlined: selection.Summary?.Outlined ?? 0);
        var result = new PackResult(selection.Rendered.Text, manifest, warnings, timings, stats, CacheOutcome.Off, previousOutcome)
        {
            Ranked = ranked,
        };
        return (result, new RunAnalysis(index, stillValid, usages.Bound, tokenCounts, signatures, log));
    }

    // The project graph is the most stable context there is, but on a large solution it may not be
    // worth its tokens: it is left out when it would take more than a tenth of the cap.
    private static BundleHeader Header(LoadedSolution loaded, IReadOnlyList<ResolvedTarget> targets, IBundleRenderer renderer, TokenCounter counter, int maxTokens)
    {
        var header = new BundleHeader(loaded.SolutionPath, loaded.Projects, targets);
        return counter.Count(renderer.Begin(header)) <= maxTokens / 10 ? header : header with { Projects = [] };
    }
}

using Packer.Core;
using Packer.Core.Bundle;
using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Output;
using Packer.Core.Pipeline;
using Packer.Core.Ranking;
using Packer.Core.Redaction;
using Packer.Agents.Session;
using Packer.Core.Text;
using Packer.Core.Tokenization;

namespace Packer.Agents.Server;

/// <summary>
/// What the MCP server's tools call: packs, rankings and explanations for a solution whose analysis stays in
/// memory between calls (<see cref="AnalysisMemory"/>), so a repeated call costs little and a call after an
/// edit reads only what changed. Packs run one at a time; a bad argument is a <see cref="UsageException"/>.
/// </summary>
/// <param name="settings">What calls pack with when they do not say.</param>
/// <param name="log">Told each run's phase timings and what the analysis memory did (the server logs it to standard error).</param>
public sealed class ContextServer(ServerOptions settings, Action<string>? log = null)
{
    private readonly AnalysisMemory memory = new();
    private readonly SecretRedactor redactor = new(settings.Pack.Redaction);
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>An answer as the tools return it: JSON, its strings redacted as the bundles are (it goes to the model).</summary>
    /// <param name="answer">The answer.</param>
    public string Answer<T>(T answer) => AnswerJson.Of(answer, redactor);

    /// <summary>A message for the model (an error), redacted as the bundles are.</summary>
    /// <param name="text">The message.</param>
    public string Redact(string text) => redactor.Redact("message", text).Text;

    /// <summary>Gets the folder the bundles are written to.</summary>
    public string BundleDirectory { get; } = Path.Combine(settings.StateDirectory, "mcp");

    /// <summary>
    /// Packs a bundle, writes it and its manifest under the state folder (creating it, git-ignored, when it is not there yet),
    /// and answers with its map, and with its text when both fit within the inline limit.
    /// </summary>
    /// <param name="request">What to pack.</param>
    /// <param name="cancellationToken">Cancels the pack.</param>
    public async Task<PackAnswer> PackAsync(PackRequest request, CancellationToken cancellationToken)
    {
        var output = request.Output;
        var limit = InlineLimit(request.InlineTokens);
        var options = Options(request.Targets, request.Task, request.MaxTokens, request.Format);
        IEnumerable<string> aim = options.Task is { } task ? [.. options.Targets.Select(t => t.Text), "task " + ContentHash.Of(task)] : options.Targets.Select(t => t.Text);
        var id = ContentHash.Of(string.Join('\n', [.. aim, options.MaxTokens.ToString(), options.Tokenizer, Names.Of(options.Format)]))[..12];
        var path = output is null ? Unlinked(Path.Combine(BundleDirectory, id + StateFolder.ExtensionOf(options.Format))) : Inside(output);
        var manifestPath = BundleFiles.ManifestOf(path);
        StateFolder.Create(settings.StateDirectory);

        // The pipeline checks the two files as it checks -o and --manifest; they are committed together, under the gate.
        var result = await RunAsync(
            StateFolder.Writing(options, path, manifestPath, previous: null, "the server's"),
            r => OutputWriter.Write([(path, r.Bundle), (manifestPath, r.ManifestText)]),
            cancellationToken).ConfigureAwait(false);

        var manifest = result.Manifest;
        var files = manifest.Placed().Where(f => f.HasContent()).Select(f => new FileAnswer(f.Path, Names.Of(f.Fidelity), Names.Of(f.Segment!.Value), f.Tokens, f.Reason)).ToList();

        // A list cut to fit keeps the most relevant files, in bundle order.
        var byRelevance = manifest.Placed().Where(f => f.HasContent()).OrderBy(f => f.Rank).Select(f => f.Path).ToList();
        IEnumerable<FileAnswer> MostRelevant(int count)
        {
            var kept = byRelevance.Take(count).ToHashSet(StringComparer.Ordinal);
            return files.Where(f => kept.Contains(f.Path));
        }

        PackAnswer Answer(int keptFiles, int keptWarnings, string inline, string? bundle) => new(
            id,
            path,
            manifestPath,
            Names.Of(manifest.Format),
            manifest.TotalTokens,
            manifest.MaxTokens,
            [.. manifest.Segments.Select(s => new SegmentAnswer(Names.Of(s.Kind), s.TokenStart, s.TokenEnd))],
            [.. MostRelevant(keptFiles)],
            manifest.Files.Count(f => f.Fidelity == Fidelity.Listed),
            [.. manifest.Warnings.Take(keptWarnings)],
            LeftOut((files.Count - keptFiles, files.Count, "files (the least relevant)"), (manifest.Warnings.Count - keptWarnings, manifest.Warnings.Count, "warnings")) is { } left
                ? $"{left} are left out of this answer to keep it within the inline limit of {limit:N0} tokens: the manifest lists them all"
                : null,
            inline,
            bundle);

        // The bundle goes inline when it fits with the rest of the answer (the bundle's tokens are the manifest's count of its
        // text); else the answer alone is kept within the limit.
        var withText = Fit(limit - result.TotalTokens, (f, w) => Answer(f, w, "the bundle's text follows", result.Bundle), files.Count, manifest.Warnings.Count);
        return withText ?? Fit(
            limit,
            (f, w) => Answer(
                f,
                w,
                $"not inline: the bundle's {result.TotalTokens:N0} tokens with this answer are over the inline limit of {limit:N0}; give the path to a sub-agent, or read parts with read_bundle (a file, or a token range)",
                null),
            files.Count,
            manifest.Warnings.Count,
            orLeast: true)!;
    }

    /// <summary>Ranks the solution's files for a target, a task, or both.</summary>
    /// <param name="target">The target spec (null: packer.yaml's targets, or none when a task is given).</param>
    /// <param name="task">What the files are wanted for (a sub-agent's brief, an issue), or null.</param>
    /// <param name="top">How many files to return, 1 to <see cref="ServerOptions.MaxTop"/>.</param>
    /// <param name="cancellationToken">Cancels the ranking.</param>
    public async Task<RankAnswer> RankAsync(string? target, string? task, int top, CancellationToken cancellationToken)
    {
        if (top is < 1 or > ServerOptions.MaxTop)
        {
            throw new UsageException($"top must be {OptionValues.WholeNumberFrom(1, ServerOptions.MaxTop)} (got {top}).");
        }

        var options = Options(target is null ? null : [target], task, null, null);
        var result = await RunAsync(options, null, cancellationToken).ConfigureAwait(false);
        var ranked = result.Ranked.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var files = result.Manifest.Files.Take(top).Select(f => new RankedAnswer(
            f.Rank, ranked[f.Path].IsTarget ? true : null, f.Path, f.Project, f.Score, Names.Of(f.Fidelity), f.Reason, DriversOf(result, f.Path), TaskOf(result, f.Path))).ToList();
        var limit = settings.InlineTokens;
        return Fit(
            limit,
            (kept, _) => new RankAnswer(
                string.Join(' ', options.Targets.Select(t => t.Text)),
                result.Manifest.Files.Count,
                [.. files.Take(kept)],
                kept == files.Count ? null
                    : $"ranks {kept + 1:N0} to {files.Count:N0} are left out of this answer to keep it within the inline limit of {limit:N0} tokens: ask explain_file about a file, "
                        + "or pack_context and read its manifest, which ranks every file"),
            files.Count,
            0,
            orLeast: true)!;
    }

    /// <summary>Says why a file is or is not in the bundle for a target, and at which fidelity.</summary>
    public async Task<ExplainAnswer> ExplainAsync(string target, string path, int? maxTokens, CancellationToken cancellationToken)
    {
        var options = Options([target], null, maxTokens, null);
        var result = await RunAsync(options, null, cancellationToken).ConfigureAwait(false);
        var manifest = result.Manifest;
        var root = Root();
        var relative = (Path.IsPathRooted(path) ? RepoPath.Relative(root, path) : BundleFiles.Normalized(path)) ?? path;
        var file = manifest.Files.FirstOrDefault(f => f.Path == relative)
            ?? throw new UsageException(
                $"{path} is not a file of {manifest.Solution} (its projects' C# files and the include globs' files). Close names: {string.Join(", ", Closest(manifest, relative))}.");
        return Explanations.Of(file, manifest, DriversOf(result, file.Path), options, root);
    }

    /// <summary>Reads part of a written bundle.</summary>
    /// <param name="bundle">A bundle id from pack_context, or a bundle file's path.</param>
    /// <param name="file">A file whose blocks to return.</param>
    /// <param name="tokenStart">The first token of a range.</param>
    /// <param name="tokenEnd">The token after the range.</param>
    /// <param name="inlineTokens">The largest slice returned (null: the server's limit).</param>
    public string ReadBundle(string bundle, string? file, int? tokenStart, int? tokenEnd, int? inlineTokens)
    {
        var limit = InlineLimit(inlineTokens);
        return BundleFiles.Read(BundleFiles.Find(bundle, BundleDirectory, settings.WorkingDirectory, [settings.StateDirectory, Root()]), file, tokenStart, tokenEnd, limit, redactor);
    }

    private PackOptions Options(IReadOnlyList<string>? targets, string? task, int? maxTokens, string? format)
    {
        var specs = targets?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => TargetSpec.Parse(t.Trim())).ToList() is { Count: > 0 } given ? given : settings.Pack.Targets;
        task = string.IsNullOrWhiteSpace(task) ? null : task;
        if (specs.Count == 0 && task is null)
        {
            throw new UsageException("no target and no task: give a task (what the files are for: a sub-agent's brief, an issue, a stack trace), or targets (a project, file, type, namespace or folder), or set 'targets' in packer.yaml.");
        }

        if (maxTokens is { } cap && !OptionValues.IsMaxTokens(cap))
        {
            throw new UsageException($"maxTokens must be {OptionValues.MaxTokensExpected} (got {cap}).");
        }

        var parsed = format is null ? settings.Pack.Format
            : OptionValues.ParseFormat(format) ?? throw new UsageException($"format must be one of {string.Join(", ", OptionValues.Formats)} (got '{format}').");
        return settings.Pack with { Targets = specs, Task = task, MaxTokens = maxTokens ?? settings.Pack.MaxTokens, Format = parsed, Output = null, Manifest = null, Previous = null };
    }

    // A call's inline limit, or the server's.
    private int InlineLimit(int? inlineTokens) => inlineTokens switch
    {
        null => settings.InlineTokens,
        < ServerOptions.MinInlineTokens or > OptionValues.MaxTokenSetting =>
            throw new UsageException($"inlineMaxTokens must be {OptionValues.WholeNumberFrom(ServerOptions.MinInlineTokens, OptionValues.MaxTokenSetting)} (got {inlineTokens})."),
        { } given => given,
    };

    // The answer with as many of its files (then of its warnings) as keep it, as the tools return it, within the budget in
    // tokens; null when not even the answer without them fits, unless orLeast asks for that least answer anyway.
    private T? Fit<T>(int budget, Func<int, int, T> answer, int files, int warnings, bool orLeast = false)
        where T : class
    {
        if (budget <= 0 && !orLeast)
        {
            return null;
        }

        var counter = TokenCounter.Create(settings.Pack.Tokenizer);
        int Tokens(T a) => counter.Count(a is PackAnswer pack ? Answer(pack with { Bundle = null }) : Answer(a));
        var keptFiles = AnswerFit.Longest(files, n => Tokens(answer(n, warnings)), budget);
        var keptWarnings = keptFiles > 0 ? warnings : AnswerFit.Longest(warnings, n => Tokens(answer(0, n)), budget);
        var fitted = answer(keptFiles, keptWarnings);
        return orLeast || Tokens(fitted) <= budget ? fitted : null;
    }

    // "3 of the 40 files and 2 of the 5 warnings", or null when nothing was left out.
    private static string? LeftOut(params (int Left, int Of, string What)[] lists) =>
        lists.Where(l => l.Left > 0).Select(l => $"{l.Left:N0} of the {l.Of:N0} {l.What}").ToList() is { Count: > 0 } parts ? string.Join(" and ", parts) : null;

    // One pack at a time, and what it writes with it.
    private async Task<PackResult> RunAsync(PackOptions options, Action<PackResult>? write, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await ContextPacker.PackAsync(options, settings.WorkingDirectory, memory, null, cancellationToken).ConfigureAwait(false);
            write?.Invoke(result);
            log?.Invoke(
                $"packed {string.Join(' ', options.Targets.Select(t => t.Text))}{(options.Task is null ? string.Empty : " for a task")} ({options.MaxTokens} tokens) in {result.Timings.Sum(t => t.Elapsed.TotalSeconds):F3} s "
                + $"({string.Join(", ", result.Timings.Select(t => $"{t.Phase} {t.Elapsed.TotalSeconds:F3}"))}); cache {result.Cache}");
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    // An output path stays inside the bundle folder, and the bundle folder inside the state folder, links followed: the tools write nothing else.
    private string Inside(string output)
    {
        var full = Path.GetFullPath(output, BundleDirectory);
        return RepoPath.Relative(BundleDirectory, full) is not null
            ? Unlinked(full)
            : throw new UsageException($"output must be a file name or a path inside {BundleDirectory} (got '{output}').");
    }

    private string Unlinked(string path) => !new RealPaths(settings.StateDirectory).LeavesRoot(path)
        ? path
        : throw new UsageException($"{path} leads outside the state folder {settings.StateDirectory} through a symbolic link; the server writes only inside it. Remove the link.");

    private string Root() => RepositoryRoot.For(SolutionFinder.Find(settings.Pack.SolutionPath));

    private static IReadOnlyList<Driver> DriversOf(PackResult result, string path) => result.Ranked.FirstOrDefault(f => f.Path == path)?.Drivers ?? [];

    private static IReadOnlyList<string>? TaskOf(PackResult result, string path) => result.Ranked.FirstOrDefault(f => f.Path == path)?.Task?.Matched is { Count: > 0 } matched ? matched : null;

    private static IEnumerable<string> Closest(ManifestDocument manifest, string path) => manifest.Files
        .Select(f => f.Path)
        .OrderBy(p => Similarity.EditDistance(Path.GetFileName(p), Path.GetFileName(path)))
        .ThenBy(p => p, StringComparer.Ordinal)
        .Take(5);
}

using Packer.Core;
using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Localization;
using Packer.Core.Manifest;
using Packer.Core.Pipeline;
using Packer.Core.Ranking;
using Packer.Core.Redaction;
using Packer.Core.Text;

namespace Packer.Agents.Session;

/// <summary>
/// What a UserPromptSubmit hook adds to a prompt that names code: a short map of the files that matter for it, most
/// relevant first, each with what in the prompt brought it in and where to read it (the session's bundle, or the
/// repository). It writes nothing: the session's bundle stays as SessionStart made it (its cached prefix intact),
/// and the map rides in the conversation after it. A prompt that names no code ("continue", "thanks"), a pack that
/// fails, or one that cannot finish before the deadline, gives no map at all.
/// </summary>
public static class PromptMap
{
    /// <summary>The default cap on the map, in characters.</summary>
    public const int DefaultMaxChars = 2_000;

    /// <summary>The smallest cap the map can be given.</summary>
    public const int MinMaxChars = 200;

    /// <summary>The most files the map lists.</summary>
    public const int MaxFiles = 12;

    /// <summary>The default time the hook's whole run may take before it stays silent: Claude Code waits for it before the model sees the prompt.</summary>
    public const int DefaultDeadlineMilliseconds = 2_000;

    // Features that say the prompt names this file's code itself, not just shares words with it.
    private static readonly string[] Named = ["declares", "member", "frame", "literal", "fileName"];

    /// <summary>Ranks the solution's files for a prompt and renders the map, or returns null when there is nothing to add.</summary>
    /// <param name="pack">The session's pack options (targets, cap, tokenizer…); nothing is written.</param>
    /// <param name="session">The session options (the state folder, whose bundle the map points into).</param>
    /// <param name="prompt">The user's prompt.</param>
    /// <param name="limits">The cap on the map, in characters, and the time left for ranking before the map is given up.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<string?> RenderAsync(PackOptions pack, SessionOptions session, string prompt, (int MaxChars, TimeSpan TimeLeft) limits, string workingDirectory, CancellationToken cancellationToken)
    {
        var (maxChars, timeLeft) = limits;
        if (timeLeft <= TimeSpan.Zero)
        {
            return null;
        }

        var task = TaskText.Parse(prompt);
        if (task.IsEmpty)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeLeft);
        PackResult result;
        try
        {
            var options = pack with { Task = prompt, Output = null, Manifest = null, Previous = null, WalkFromTask = false };
            result = await ContextPacker.PackAsync(options, workingDirectory, null, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (PackerException)
        {
            return null;
        }


        if (!NamesCode(task, result.Ranked))
        {
            return null;
        }

        var state = new StateFolder(session.StateDirectory, pack.Format);
        var root = RepositoryRoot.For(SolutionFinder.Find(pack.SolutionPath));
        var held = Held(state.Manifest);
        // Ordered by the task alone: the session's targets are in its bundle already, and come first here only when the prompt points at them.
        var files = result.Ranked.Where(f => f.Task is { Matched.Count: > 0 })
            .OrderByDescending(f => f.Task!.Score).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Take(MaxFiles).ToList();
        var map = Render(files, held, RepoPath.Relative(root, state.Bundle) ?? state.Bundle, maxChars);
        return new SecretRedactor(pack.Redaction).Redact("prompt-map.md", map).Text;
    }

    /// <summary>
    /// Tells whether a prompt names code: a type, member, stack frame, message or file of the solution, or at least two
    /// words of its file names (<c>table border</c>), rather than only words any text has.
    /// </summary>
    internal static bool NamesCode(TaskText task, IReadOnlyList<RankedFile> ranked)
    {
        var named = Named.Select(TaskFeatures.Index).ToList();
        if (ranked.Any(f => f.Task is { } t && named.Any(k => t.Features[k] > 0)))
        {
            return true;
        }

        var fileWords = ranked.SelectMany(f => Words.Of(Path.GetFileNameWithoutExtension(f.Path))).ToHashSet(StringComparer.Ordinal);
        return task.Terms.Keys.Count(fileWords.Contains) >= 2;
    }

    private static string Render(IReadOnlyList<RankedFile> files, IReadOnlySet<string> held, string bundle, int maxChars)
    {
        var text = new StringBuilder();
        text.Append("pack-context: the files this prompt points at, most relevant first (from what it names and the code's dependency graph). ");
        text.Append($"Those marked [bundle] are in full in the session's bundle ({bundle}); read the others from the repository.\n");
        foreach (var file in files)
        {
            var why = file.Task!.Matched[0];
            var line = $"- {file.Path}{(held.Contains(file.Path) ? " [bundle]" : string.Empty)}: {why}\n";
            if (text.Length + line.Length > maxChars)
            {
                break;
            }

            text.Append(line);
        }

        return text.ToString();
    }

    // The files the session's bundle holds in full, from its manifest (read up to a bound: it may be anything); none
    // when there is no readable one. The map is a hint: a manifest it cannot read makes it say less, never fail.
    private static HashSet<string> Held(string manifestPath)
    {
        try
        {
            var manifest = ManifestJson.Read(BoundedFile.ReadAllBytes(manifestPath, PreviousManifest.MaxBytes));
            return manifest.Files.Where(f => f.Fidelity == Fidelity.Full).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }
}

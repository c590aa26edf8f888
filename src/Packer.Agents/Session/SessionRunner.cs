using Packer.Core;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Output;
using Packer.Core.Pipeline;
using Packer.Core.Redaction;
using Packer.Core.Slicing;
using Packer.Core.Text;
using Packer.Core.Tokenization;

namespace Packer.Agents.Session;

/// <summary>
/// What a pre-session hook runs: packs into the state folder, handing the pipeline the folder's manifest as
/// <c>--previous</c> so that consecutive sessions repeat the bundle and append the edits, writes the parts
/// when asked to, and renders the map the agent reads first.
/// </summary>
public static class SessionRunner
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    /// <summary>Runs one session's pack.</summary>
    /// <param name="pack">The merged pack options (their output, manifest and previous are replaced by the state folder's).</param>
    /// <param name="session">The session options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="source">Why the agent's session starts.</param>
    /// <param name="progress">Told the name of each phase as it starts (may be null).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<SessionOutcome> RunAsync(
        PackOptions pack, SessionOptions session, string workingDirectory, HookSource source, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (session.SplitTokens is not null && !BundleLayout.Formats.Contains(pack.Format))
        {
            throw new UsageException($"--split-tokens cuts a bundle between its file blocks, which a {Names.Of(pack.Format)} bundle does not have: use --format xml or markdown.");
        }

        var state = new StateFolder(session.StateDirectory, pack.Format);
        var root = RepositoryRoot.For(SolutionFinder.Find(pack.SolutionPath));
        StateFolder.Create(state.Directory);
        OutputGuard.Check(state.OwnFiles(0), root, pack.Force); // before the slow load, as the pipeline checks the bundle and manifest
        using var held = state.Lock(LockWait);
        var options = StateFolder.Writing(pack, state.Bundle, state.Manifest, state.Manifest, "the session's");
        var result = await ContextPacker.PackAsync(options, workingDirectory, progress, cancellationToken).ConfigureAwait(false);
        try
        {
            return Write(state, root, pack, session, result, source);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, state.Directory);
        }
    }

    // Renders the map (redacted as the bundle is), and writes the bundle, its manifest, its parts, the session's state and
    // the map into the state folder, committed together (a file whose bytes would not change is left as it is, its timestamp
    // too). Every one of them is a file of the tool's own, or nothing yet.
    private static SessionOutcome Write(StateFolder state, string root, PackOptions pack, SessionOptions session, PackResult result, HookSource source)
    {
        var manifest = result.Manifest;
        var previous = SessionState.Read(state.State);
        var counts = new TokenCountMemo(previous.Tokens);
        var parts = session.SplitTokens is { } size ? Parts(state, result.Bundle, manifest, size, counts) : [];
        var hashes = parts.Select(p => ContentHash.Of(p.Text)).ToList();
        var next = new SessionState(ContentHash.Of(result.Bundle), session.SplitTokens, hashes, counts.Used);
        var unchangedParts = previous.SplitTokens == session.SplitTokens
            ? hashes.Zip(previous.Parts).TakeWhile(p => p.First == p.Second).Count()
            : 0;
        var own = state.OwnFiles(parts.Count);
        OutputGuard.Check(own, root, pack.Force);
        OutputGuard.CheckNotIn(own, root, manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
        var map = ContextMap.Render(
            new MapInput(
                manifest,
                root,
                state.Bundle,
                state.Manifest,
                [.. parts.Select(p => p.Path)],
                previous.Bundle == next.Bundle,
                unchangedParts,
                source,
                EditsLine(result.Bundle, manifest)),
            session.MaxChars,
            new SecretRedactor(pack.Redaction));
        OutputWriter.Write([(state.Bundle, result.Bundle), (state.Manifest, result.ManifestText), .. parts, (state.State, next.Text()), (state.Map, map)]);
        state.DeletePartsAfter(parts.Count);
        return new SessionOutcome(result, map, state.Bundle, state.Manifest, [.. parts.Select(p => p.Path)]);
    }

    private static List<(string Path, string Text)> Parts(StateFolder state, string bundle, ManifestDocument manifest, int size, TokenCountMemo counts)
    {
        var counter = TokenCounter.Create(manifest.Tokenizer).Remembering(counts);
        return [.. BundleSplitter.Split(bundle, manifest, size, counter.Count, counter.PrefixLength).Select((text, i) => (state.Part(i + 1), text))];
    }

    private static int? EditsLine(string bundle, ManifestDocument manifest)
    {
        if (manifest.Segment(SegmentKind.Edits) is not { } edits)
        {
            return null;
        }

        var offset = BundleSlice.CharOffset(bundle, edits.ByteStart);
        return bundle.AsSpan(0, offset).Count('\n') + 1;
    }
}

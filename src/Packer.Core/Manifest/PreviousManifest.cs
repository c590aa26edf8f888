using System.Text.Json;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Targeting;
using Packer.Core.Text;

namespace Packer.Core.Manifest;

/// <summary>Reads an earlier run's manifest (<c>--previous</c>) into the layout of its bundle, when it was made with this run's settings.</summary>
public static class PreviousManifest
{
    /// <summary>The largest manifest read; a larger file is not one this tool wrote for a usable cap.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads an earlier manifest, if it was made with the same settings for the same targets.</summary>
    /// <param name="path">The manifest's path.</param>
    /// <param name="options">This run's options.</param>
    /// <param name="solution">This run's solution path, as the manifest spells it.</param>
    /// <param name="targets">This run's resolved targets.</param>
    public static PreviousRead Read(string path, PackOptions options, string solution, IReadOnlyList<ResolvedTarget> targets)
    {
        if (!File.Exists(path))
        {
            return new PreviousRead(null, new PreviousOutcome(PreviousUse.Missing, "none yet (no such file)"), null);
        }

        ManifestDocument manifest;
        try
        {
            // The stated length rejects a large regular file without reading it; a device or pipe states none, and
            // the bounded read stops it.
            var bytes = new FileInfo(path).Length > MaxBytes ? null : BoundedFile.TryReadAllBytes(path, MaxBytes);
            manifest = ManifestJson.Read(bytes ?? throw new InvalidDataException($"it is larger than {BoundedFile.Describe(MaxBytes)}"));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            var warning = $"the previous manifest {path} could not be read ({Why(e)}); packed without it. Delete it or point --previous at a manifest this tool wrote.";
            return new PreviousRead(null, new PreviousOutcome(PreviousUse.Unreadable, "unreadable"), warning);
        }

        if (Mismatch(manifest, options, solution, targets) is { } why)
        {
            return new PreviousRead(null, new PreviousOutcome(PreviousUse.NotUsed, $"not used: it was made {why}"), null);
        }

        var placed = manifest.Files
            .Where(f => f.Position is not null && f.Hash is not null && f.Fidelity is Fidelity.Full or Fidelity.Signatures && f.Segment is SegmentKind.Stable or SegmentKind.Volatile)
            .OrderBy(f => f.Position)
            .ToList();
        var held = manifest.Files.Where(f => f.Fidelity is Fidelity.Full or Fidelity.Signatures).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var session = manifest.Session is { } state ? Session(state) : null;
        var bundle = new PreviousBundle(
            placed.Select(f => new PreviousBundle.Entry(f.Path, f.Fidelity, f.Segment!.Value, f.Hash!)).ToList(),
            placed.Select(f => f.Rank).DefaultIfEmpty(0).Max(),
            held,
            manifest.Files.Where(f => f.Signals.Hops == 1).Select(f => f.Path).ToHashSet(StringComparer.Ordinal),
            session);
        var read = $"read {bundle.Entries.Count} context files{(session is null ? " (no session blocks)" : string.Empty)}";
        return new PreviousRead(bundle, new PreviousOutcome(PreviousUse.Read, read), null);
    }

    // One line on why a file is not a manifest, without echoing its content (a syntax error's message quotes it).
    private static string Why(Exception e)
    {
        if (e is JsonException { LineNumber: { } line, BytePositionInLine: { } column } && e.InnerException?.GetType().Name == "JsonReaderException")
        {
            return $"invalid JSON at line {line + 1}, column {column + 1}";
        }

        var first = e.Message.ReplaceLineEndings("\n").Split('\n')[0];
        return first.Length <= 200 ? first : first[..200] + "…";
    }

    // Why an earlier manifest cannot lend its layout, or null when it can: any setting that changes the
    // rendered bytes or the choice of files.
    private static string? Mismatch(ManifestDocument manifest, PackOptions options, string solution, IReadOnlyList<ResolvedTarget> targets)
    {
        if (manifest.Tool != ManifestJson.Tool)
        {
            return "by another version of the tool";
        }

        if (manifest.Solution != solution)
        {
            return "for another solution";
        }

        if (manifest.Tokenizer != options.Tokenizer || manifest.Format != options.Format || manifest.MaxTokens != options.MaxTokens
            || (options.Format == BundleFormat.Anthropic && manifest.CacheMinTokens != options.CacheMinTokens))
        {
            return "with another tokenizer, format or cap";
        }

        if (manifest.Redaction != options.Redaction.Describe())
        {
            return "with other redaction settings";
        }

        if (manifest.Task?.Digest != (options.Task is { } task ? ContentHash.Of(task) : null))
        {
            return "for another task";
        }

        static IEnumerable<string> Files(IEnumerable<string> files) => files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return Files(manifest.Targets.SelectMany(t => t.Files)).SequenceEqual(Files(targets.SelectMany(t => t.Files)), StringComparer.Ordinal)
            ? null
            : "for other targets";
    }

    private static PreviousBundle.State Session(ManifestSession state)
    {
        var segments = new List<(SegmentKind Kind, List<BundleEntry> Entries)>();
        var views = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var block in state.Blocks)
        {
            if (segments.Count == 0 || segments[^1].Kind != block.Segment)
            {
                segments.Add((block.Segment, []));
            }

            segments[^1].Entries.Add(new BundleEntry(block.Path, block.Project, block.Fidelity, block.Text));
            if (block.Fidelity is Fidelity.Full or Fidelity.Signatures)
            {
                views.TryAdd(block.Path, block.Text);
            }
        }

        foreach (var view in state.Views)
        {
            views[view.Path] = view.Text;
        }

        return new PreviousBundle.State(state.Header, segments.Select(s => new BundleSegment(s.Kind, s.Entries)).ToList(), views);
    }
}

/// <summary>What reading <c>--previous</c> gave.</summary>
/// <param name="Bundle">The earlier bundle's layout, or null when there is none to use.</param>
/// <param name="Outcome">Whether it was read, and why not.</param>
/// <param name="Warning">A warning for the run, when the file exists but could not be read.</param>
public sealed record PreviousRead(PreviousBundle? Bundle, PreviousOutcome Outcome, string? Warning);

using System.Text.Json;
using Packer.Core.Budget;
using Packer.Core.Configuration;
using Packer.Core.Output;
using Packer.Core.Rendering;
using Packer.Core.Targeting;

namespace Packer.Core.Ordering;

/// <summary>
/// The layout of an earlier bundle, read from its manifest (<c>--previous</c>), so that the next bundle can
/// open with the same bytes. A prompt cache reuses a prefix only up to its first differing byte, and a
/// fresh selection after an edit moves a few files across the budget boundary, which breaks the prefix
/// wherever the first of them sat. Keeping the earlier bundle's files in their places for as long as their
/// packed text is unchanged leaves only the files the edit itself changed to break it.
/// </summary>
/// <param name="Entries">The earlier bundle's context files with content, in output order; targets and listed paths are left out.</param>
/// <param name="Depth">The lowest rank (largest number) among those files in the earlier run.</param>
/// <param name="Held">Every file the earlier bundle gave content of (full, signatures), targets and appended files too.</param>
/// <param name="Session">The earlier bundle's blocks and text, when its run had <c>--previous</c> too; null otherwise.</param>
internal sealed record PreviousBundle(IReadOnlyList<PreviousBundle.Entry> Entries, int Depth, IReadOnlySet<string> Held, PreviousBundle.State? Session)
{
    /// <summary>One context file of the earlier bundle.</summary>
    /// <param name="Path">Repository-relative path.</param>
    /// <param name="Fidelity">Full text or signatures.</param>
    /// <param name="Segment">The segment it was in.</param>
    /// <param name="Hash">The hash of its packed text (<see cref="PackedFiles.HashOf"/>).</param>
    internal sealed record Entry(string Path, Fidelity Fidelity, SegmentKind Segment, string Hash);

    /// <summary>What a run needs to repeat the earlier bundle byte for byte and append to it (the manifest's <c>session</c>).</summary>
    /// <param name="Header">The hash of the earlier bundle's rendered header.</param>
    /// <param name="Segments">The earlier bundle's blocks, segment by segment, as they were rendered.</param>
    /// <param name="Views">For every file with content, the text the reader has last seen of it (its block's, or after its diffs); null when it is gone.</param>
    internal sealed record State(string Header, IReadOnlyList<BundleSegment> Segments, IReadOnlyDictionary<string, string?> Views);

    /// <summary>Reads an earlier manifest, if it was made with the same settings for the same targets.</summary>
    /// <param name="path">The manifest's path.</param>
    /// <param name="options">This run's options.</param>
    /// <param name="solution">This run's solution path, as the manifest spells it.</param>
    /// <param name="targets">This run's resolved targets.</param>
    /// <param name="warnings">Gets a warning when the file exists but cannot be read.</param>
    /// <returns>The earlier layout or null, and a line saying which and why, for --verbose.</returns>
    public static (PreviousBundle? Bundle, string Status) Read(
        string path, PackOptions options, string solution, IReadOnlyList<ResolvedTarget> targets, List<string> warnings)
    {
        if (!File.Exists(path))
        {
            return (null, "none yet (no such file)");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (Mismatch(root, options, solution, targets) is { } why)
            {
                return (null, $"not used: it was made {why}");
            }

            var placed = root.GetProperty("files").EnumerateArray()
                .Where(f => f.TryGetProperty("position", out _))
                .Select(f => (Position: f.GetProperty("position").GetInt32(), Rank: f.GetProperty("rank").GetInt32(), Entry: Parse(f)))
                .Where(f => f.Entry is not null)
                .OrderBy(f => f.Position)
                .ToList();
            var entries = placed.Select(f => f.Entry!).ToList();
            var held = root.GetProperty("files").EnumerateArray()
                .Where(f => f.GetProperty("fidelity").GetString() is "full" or "signatures")
                .Select(f => f.GetProperty("path").GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            var session = root.TryGetProperty("session", out var state) ? ReadSession(state) : null;
            var bundle = new PreviousBundle(entries, placed.Select(f => f.Rank).DefaultIfEmpty(0).Max(), held, session);
            return (bundle, $"read {entries.Count} context files{(session is null ? " (no session blocks)" : string.Empty)}");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            warnings.Add($"the previous manifest {path} could not be read ({e.Message}); packed without it. Delete it or point --previous at a manifest this tool wrote.");
            return (null, "unreadable");
        }
    }

    // Why an earlier manifest cannot lend its layout, or null when it can: any setting that changes the
    // rendered bytes or the choice of files.
    private static string? Mismatch(JsonElement root, PackOptions options, string solution, IReadOnlyList<ResolvedTarget> targets)
    {
        var tool = root.GetProperty("tool");
        if (tool.GetProperty("name").GetString() != ManifestWriter.ToolName || tool.GetProperty("version").GetString() != ManifestWriter.ToolVersion)
        {
            return "by another version of the tool";
        }

        if (root.GetProperty("solution").GetString() != solution)
        {
            return "for another solution";
        }

        if (root.GetProperty("tokenizer").GetString() != options.Tokenizer
            || root.GetProperty("format").GetString() != Names.Of(options.Format)
            || root.GetProperty("maxTokens").GetInt32() != options.MaxTokens
            || (options.Format == BundleFormat.Anthropic && root.GetProperty("cacheMinTokens").GetInt32() != options.CacheMinTokens))
        {
            return "with another tokenizer, format or cap";
        }

        static IEnumerable<string> Files(IEnumerable<string> files) => files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var before = root.GetProperty("targets").EnumerateArray()
            .SelectMany(t => t.GetProperty("files").EnumerateArray().Select(f => f.GetString()!));
        return Files(before).SequenceEqual(Files(targets.SelectMany(t => t.Files)), StringComparer.Ordinal) ? null : "for other targets";
    }

    private static State ReadSession(JsonElement state)
    {
        var segments = new List<(SegmentKind Kind, List<BundleEntry> Entries)>();
        var views = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var block in state.GetProperty("blocks").EnumerateArray())
        {
            var kind = Named<SegmentKind>(block, "segment", Names.Of);
            var fidelity = Named<Fidelity>(block, "fidelity", Names.Of);
            var entry = new BundleEntry(
                block.GetProperty("path").GetString()!, block.GetProperty("project").GetString()!, fidelity, block.GetProperty("text").GetString()!);
            if (segments.Count == 0 || segments[^1].Kind != kind)
            {
                segments.Add((kind, []));
            }

            segments[^1].Entries.Add(entry);
            if (fidelity is Fidelity.Full or Fidelity.Signatures)
            {
                views.TryAdd(entry.Path, entry.Text);
            }
        }

        foreach (var view in state.GetProperty("views").EnumerateArray())
        {
            views[view.GetProperty("path").GetString()!] = view.GetProperty("text").GetString();
        }

        return new State(state.GetProperty("header").GetString()!, segments.Select(s => new BundleSegment(s.Kind, s.Entries)).ToList(), views);
    }

    private static Entry? Parse(JsonElement file)
    {
        var fidelity = Named<Fidelity>(file, "fidelity", Names.Of);
        var segment = Named<SegmentKind>(file, "segment", Names.Of);
        return fidelity is Fidelity.Full or Fidelity.Signatures && segment is SegmentKind.Stable or SegmentKind.Volatile
            ? new Entry(file.GetProperty("path").GetString()!, fidelity, segment, file.GetProperty("hash").GetString()!)
            : null;
    }

    // The value a manifest property spells as Names does; any other spelling makes the manifest unreadable.
    private static T Named<T>(JsonElement element, string property, Func<T, string> name)
        where T : struct, Enum
    {
        var spelled = element.GetProperty(property).GetString();
        return Enum.GetValues<T>().Single(v => name(v) == spelled);
    }
}

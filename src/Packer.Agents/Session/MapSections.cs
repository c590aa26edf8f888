using Packer.Core;
using Packer.Core.Bundle;
using Packer.Core.Manifest;

namespace Packer.Agents.Session;

/// <summary>How much of each part of the map is spelled out.</summary>
/// <param name="Listed">How the listed paths are shown.</param>
/// <param name="ReasonLength">The longest reason shown in full.</param>
/// <param name="TargetLines">How many targets get a line of their own (the rest are folded into folders).</param>
/// <param name="NearLines">How many files next to the targets get a line of their own.</param>
/// <param name="WiderLines">How many files of the wider context get a line of their own.</param>
internal sealed record MapDetail(ListedDetail Listed, int ReasonLength, int TargetLines, int NearLines, int WiderLines)
{
    public const int LongReason = 100;
    public const int ShortReason = 50;

    /// <summary>Everything spelled out.</summary>
    public static MapDetail All(MapSections sections) =>
        new(ListedDetail.Paths, LongReason, sections.Targets.Count, sections.Near.Count, sections.Wider.Count);
}

/// <summary>How the paths a bundle only lists are shown.</summary>
internal enum ListedDetail
{
    /// <summary>A line each.</summary>
    Paths,

    /// <summary>A line per folder with the file names.</summary>
    FoldersWithNames,

    /// <summary>A line per folder with a count.</summary>
    FolderCounts,

    /// <summary>One line with the count.</summary>
    Total,
}

/// <summary>The map's sections, from a manifest, each file list most relevant first.</summary>
internal sealed class MapSections(ManifestDocument manifest)
{
    /// <summary>Up to this many targets always get a line each: they are what the session is about.</summary>
    public const int TargetsAlwaysListed = 20;

    /// <summary>A folder line names at most this many of its files.</summary>
    public const int NamesPerFolder = 8;

    private readonly List<ManifestBlock> edits = manifest.Session?.Blocks.Where(b => b.Segment == SegmentKind.Edits).ToList() ?? [];
    private readonly List<ManifestFile> listed = Ranked(manifest, f => f.Fidelity == Fidelity.Listed);

    public List<ManifestFile> Targets { get; } = Ranked(manifest, f => f.Segment == SegmentKind.Targets);

    public List<ManifestFile> Near { get; } = Ranked(manifest, f => f.Segment == SegmentKind.Volatile && f.HasContent());

    public List<ManifestFile> Wider { get; } = Ranked(manifest, f => f.Segment == SegmentKind.Stable && f.HasContent());

    /// <summary>The sections' titles and lines at a level of detail.</summary>
    public IEnumerable<(string Title, List<string> Lines)> Lines(MapDetail detail) =>
    [
        ("Edits appended since the bundle was first packed", edits.Select(e => $"- {Names.Of(e.Fidelity)}: {e.Path}").ToList()),
        ("Targets", Files(Targets, Math.Max(detail.TargetLines, Math.Min(Targets.Count, TargetsAlwaysListed)), detail.ReasonLength)),
        ("Next to the targets (most relevant first)", Files(Near, detail.NearLines, detail.ReasonLength)),
        ("Wider context (most relevant first)", Files(Wider, detail.WiderLines, detail.ReasonLength)),
        ($"Listed by path only, not in the bundle ({listed.Count})", Listed(detail.Listed)),
    ];

    private static List<ManifestFile> Ranked(ManifestDocument manifest, Func<ManifestFile, bool> where) =>
        [.. manifest.Files.Where(f => f.Segment is not null && where(f)).OrderBy(f => f.Rank)];

    // The first files on lines of their own, the rest folded into their folders.
    private static List<string> Files(List<ManifestFile> files, int lines, int reasonLength) =>
    [
        .. files.Take(lines).Select(f => $"- {f.Path} ({Names.Of(f.Fidelity)}, {f.Tokens:N0} tokens){Reason(f, reasonLength)}"),
        .. Folders(files.Skip(lines), names: true),
    ];

    private List<string> Listed(ListedDetail detail) => detail switch
    {
        ListedDetail.Paths => [.. listed.Select(f => $"- {f.Path}")],
        ListedDetail.FoldersWithNames => Folders(listed, names: true),
        ListedDetail.FolderCounts => Folders(listed, names: false),
        _ => listed.Count == 0 ? [] : [$"- {Count(listed.Count, "file")} in {listed.Select(f => Folder(f.Path)).Distinct(StringComparer.Ordinal).Count()} folders: see the manifest"],
    };

    // Files by folder, folders in the order of their most relevant file, with the names of their most relevant files.
    private static List<string> Folders(IEnumerable<ManifestFile> files, bool names) =>
    [
        .. files
            .GroupBy(f => Folder(f.Path), StringComparer.Ordinal)
            .Select(g => names
                ? $"- {g.Key} ({g.Count()}): {string.Join(", ", g.Take(NamesPerFolder).Select(f => Path.GetFileName(f.Path)))}{(g.Count() > NamesPerFolder ? ", …" : string.Empty)}"
                : $"- {g.Key} ({Count(g.Count(), "file")})"),
    ];

    private static string Reason(ManifestFile file, int length) => file.Reason.Length == 0 ? string.Empty
        : file.Reason.Length <= length ? $": {file.Reason}"
        : $": {file.Reason[..(length - 1)]}…";

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "./";

    /// <summary>"1 file", "2 files".</summary>
    public static string Count(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}";
}

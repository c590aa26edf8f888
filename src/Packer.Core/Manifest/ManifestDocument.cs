using System.Text.Json.Serialization;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Targeting;

namespace Packer.Core.Manifest;

/// <summary>
/// The manifest: what a run packed, why, and at what cost (docs/output.md, "Manifest"). The one model of the format:
/// <see cref="ManifestJson"/> writes and reads it, <see cref="ManifestBuilder"/> makes it from a run, and
/// <see cref="PreviousManifest"/> reads an earlier one back for <c>--previous</c>. Properties are written in
/// declaration order.
/// </summary>
public sealed record ManifestDocument
{
    /// <summary>Gets the format's version (<see cref="ManifestJson.SchemaVersion"/>).</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>Gets the tool that wrote it.</summary>
    public required ManifestTool Tool { get; init; }

    /// <summary>Gets the solution path, repository-relative.</summary>
    public required string Solution { get; init; }

    /// <summary>Gets the tokenizer encoding.</summary>
    public required string Tokenizer { get; init; }

    /// <summary>Gets the bundle format.</summary>
    public required BundleFormat Format { get; init; }

    /// <summary>Gets the smallest segment given a cache breakpoint; only for the anthropic format.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CacheMinTokens { get; init; }

    /// <summary>Gets the cap.</summary>
    public required int MaxTokens { get; init; }

    /// <summary>Gets the tokens of the rendered bundle.</summary>
    public required int TotalTokens { get; init; }

    /// <summary>Gets the bundle's segments with their byte and token offsets.</summary>
    public required IReadOnlyList<SegmentSpan> Segments { get; init; }

    /// <summary>Gets the targets as given and resolved.</summary>
    public required IReadOnlyList<ResolvedTarget> Targets { get; init; }

    /// <summary>Gets what the run's task was and which files it matched best; only when a task was given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ManifestTask? Task { get; init; }

    /// <summary>Gets every file of the solution, in rank order.</summary>
    public required IReadOnlyList<ManifestFile> Files { get; init; }

    /// <summary>Gets the run's warnings.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Gets what the bundle made of targets larger than the cap, and narrower targets to try; only when they did not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TargetSummary? Summary { get; init; }

    /// <summary>Gets how secrets were redacted ("on", "off", or "on" with the digest of an allow list); null in a manifest from before redaction.</summary>
    public string? Redaction { get; init; }

    /// <summary>Gets each secret redacted from the files the bundle holds (path, line, rule; never the value); left out when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ManifestRedaction>? Redactions { get; init; }

    /// <summary>Gets what the next run needs to repeat this bundle and append to it; only with <c>--previous</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ManifestSession? Session { get; init; }

    /// <summary>Gets the entry of one file by path.</summary>
    /// <exception cref="InvalidOperationException">When the manifest does not list it.</exception>
    public ManifestFile File(string path) => Files.Single(f => f.Path == path);
}

/// <summary>The task a run packed for.</summary>
/// <param name="Digest">The SHA-256 of the task's text: another task makes another bundle.</param>
/// <param name="Anchors">The files the task's text matched best, which the dependency graph was walked from.</param>
/// <param name="Features">The names of the task model's features, in the order each file's <c>task.features</c> gives them.</param>
public sealed record ManifestTask(string Digest, IReadOnlyList<string> Anchors, IReadOnlyList<string> Features);

/// <summary>One secret redacted from a file the bundle holds.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">The 1-based line of the value in the file.</param>
/// <param name="Rule">The rule that found it, as in the marker <c>[REDACTED:rule]</c>.</param>
public sealed record ManifestRedaction(string Path, int Line, string Rule);

/// <summary>The tool that wrote a manifest.</summary>
/// <param name="Name">Its package id.</param>
/// <param name="Version">Its version (major.minor.patch).</param>
public sealed record ManifestTool(string Name, string Version);

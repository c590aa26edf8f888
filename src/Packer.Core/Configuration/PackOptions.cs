using Packer.Core.Diagnostics;
using Packer.Core.Redaction;

namespace Packer.Core.Configuration;

/// <summary>Everything one run needs, after defaults, packer.yaml and flags were merged. Paths are absolute.</summary>
public sealed record PackOptions
{
    /// <summary>The default token cap.</summary>
    public const int DefaultMaxTokens = 32_000;

    /// <summary>The default tokenizer encoding.</summary>
    public const string DefaultTokenizer = "o200k_base";

    /// <summary>Gets the .sln, .slnx or .csproj, or a folder holding exactly one.</summary>
    public required string SolutionPath { get; init; }

    /// <summary>Gets the target specs, in the order given.</summary>
    public IReadOnlyList<TargetSpec> Targets { get; init; } = [];

    /// <summary>
    /// Gets the task the bundle is for (an issue, a brief, a prompt, a stack trace), or null for none: files are then
    /// ranked by what the task names as well as by proximity to the targets, and with no target by the task alone.
    /// </summary>
    public string? Task { get; init; }

    /// <summary>
    /// Gets a value indicating whether the dependency graph is also walked from the files the task's text matched best
    /// (the default), or only from the targets: a prompt's hook must answer in a moment, and binding files the session
    /// never bound costs seconds.
    /// </summary>
    public bool WalkFromTask { get; init; } = true;

    /// <summary>Gets the cap on the rendered bundle, in tokens.</summary>
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>Gets the tokenizer encoding name.</summary>
    public string Tokenizer { get; init; } = DefaultTokenizer;

    /// <summary>Gets the bundle format.</summary>
    public BundleFormat Format { get; init; } = BundleFormat.Xml;

    /// <summary>The default minimum size, in tokens, of a segment that gets a cache breakpoint.</summary>
    public const int DefaultCacheMinTokens = 1024;

    /// <summary>Gets the minimum size, in tokens, of a segment that gets a cache breakpoint (anthropic format).</summary>
    public int CacheMinTokens { get; init; } = DefaultCacheMinTokens;

    /// <summary>Gets the bundle file, or null for standard output.</summary>
    public string? Output { get; init; }

    /// <summary>Gets the manifest file, or null for none.</summary>
    public string? Manifest { get; init; }

    /// <summary>
    /// Gets the manifest of an earlier run whose bundle's opening files are kept in place while unchanged,
    /// or null for none. A missing file is not an error (there is no earlier run yet).
    /// </summary>
    public string? Previous { get; init; }

    /// <summary>The default share of the cap, in percent, that a session bundle keeps free for appended edits.</summary>
    public const int DefaultEditRoom = 10;

    /// <summary>
    /// Gets the share of the cap, in percent, that a bundle made with <see cref="Previous"/> leaves free, so that
    /// later runs can repeat it and append the session's edits (diffs) instead of changing it; 0 turns appending off.
    /// </summary>
    public int EditRoom { get; init; } = DefaultEditRoom;

    /// <summary>Gets the tokens of the cap kept free for appended edits: <see cref="EditRoom"/> percent of it with <see cref="Previous"/>, else none.</summary>
    public int EditRoomTokens => Previous is null ? 0 : (int)((long)MaxTokens * EditRoom / 100);

    /// <summary>Gets globs (repository-relative) of extra non-C# files to rank and include.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Gets globs (repository-relative) of files to leave out, C# or not.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Gets a value indicating whether the persistent analysis cache is read and written.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Gets the cache folder, or null for the user's cache folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The default size, in bytes, above which a file is listed but not packed.</summary>
    public const long DefaultMaxFileBytes = 1024 * 1024;

    /// <summary>Gets how secrets are redacted from every text that leaves (on by default).</summary>
    public RedactionOptions Redaction { get; init; } = RedactionOptions.Default;

    /// <summary>Gets the size, in bytes, above which a file is listed but not packed.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Gets a value indicating whether an existing output that is not a bundle or manifest this tool wrote may be replaced.</summary>
    public bool Force { get; init; }

    /// <summary>Gets where to write the files the bundle was packed from (<c>--depfile</c>, for a build's up-to-date check), or null.</summary>
    public string? DepFile { get; init; }

    /// <summary>Gets who chose the bundle's and manifest's paths, for messages, when no flag or key did ("the session's": "the session's bundle …"); null names them by -o and --manifest.</summary>
    public string? OutputsOwner { get; init; }

    /// <summary>Gets, for each setting whose value came from the config file (not a flag), where the key is there.</summary>
    public IReadOnlyDictionary<string, SourceLocation> ConfigLocations { get; init; } = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

    /// <summary>Gets the packer.yaml these options came from, if any (changing it invalidates the cache).</summary>
    public string? ConfigFile { get; init; }
}

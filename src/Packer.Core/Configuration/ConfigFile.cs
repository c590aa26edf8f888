using Packer.Core.Diagnostics;
using Packer.Core.Redaction;

namespace Packer.Core.Configuration;

/// <summary>
/// The settings read from a packer.yaml; null means "not set". Paths are already absolute
/// (resolved against the file's folder).
/// </summary>
public sealed record ConfigFile
{
    /// <summary>Gets the solution path.</summary>
    public string? Solution { get; init; }

    /// <summary>Gets the target specs.</summary>
    public IReadOnlyList<TargetSpec>? Targets { get; init; }

    /// <summary>Gets the token cap.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Gets the tokenizer encoding.</summary>
    public string? Tokenizer { get; init; }

    /// <summary>Gets the bundle format.</summary>
    public BundleFormat? Format { get; init; }

    /// <summary>Gets the minimum cacheable segment size.</summary>
    public int? CacheMinTokens { get; init; }

    /// <summary>Gets the bundle path.</summary>
    public string? Output { get; init; }

    /// <summary>Gets the manifest path.</summary>
    public string? Manifest { get; init; }

    /// <summary>Gets the path of an earlier run's manifest.</summary>
    public string? Previous { get; init; }

    /// <summary>Gets the percent of the cap kept free for appended edits.</summary>
    public int? EditRoom { get; init; }

    /// <summary>Gets the include globs.</summary>
    public IReadOnlyList<string>? Include { get; init; }

    /// <summary>Gets the exclude globs.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Gets whether the analysis cache is used.</summary>
    public bool? Cache { get; init; }

    /// <summary>Gets the cache folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Gets whether secrets are redacted.</summary>
    public bool? Redact { get; init; }

    /// <summary>Gets what redaction lets through.</summary>
    public RedactionAllowList? RedactAllow { get; init; }

    /// <summary>Gets the size, in bytes, above which a file is listed but not packed.</summary>
    public long? MaxFileBytes { get; init; }

    /// <summary>Gets where in the file each key it sets is (line and column; empty for flags), so later errors about a key can point at it.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

    /// <summary>Gets the folder where <c>session</c> and <c>mcp</c> keep their bundles and manifests.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Gets the most tokens each part of a session bundle may hold, when it is written in parts.</summary>
    public int? SplitTokens { get; init; }
}

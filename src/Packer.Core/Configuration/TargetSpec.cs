namespace Packer.Core.Configuration;

/// <summary>
/// A target spec: an optional "project:", "file:", "type:", "namespace:" or "folder:" prefix that forces the kind,
/// and the name. Specs are parsed once, where they come in (the command line, packer.yaml, an MCP call), and the
/// stages take this value; <see cref="Text"/> keeps the spec as written, for messages and the manifest.
/// </summary>
/// <param name="Kind">The kind the prefix forces, or null when the spec has none (every kind is tried).</param>
/// <param name="Name">The name, trimmed.</param>
public readonly record struct TargetSpec(TargetKind? Kind, string Name)
{
    /// <summary>Gets the spec as written (the prefix included).</summary>
    public string Text { get; init; } = Name;

    private static readonly (string Prefix, TargetKind Kind)[] Prefixes =
    [
        ("project:", TargetKind.Project), ("file:", TargetKind.File), ("type:", TargetKind.Type), ("namespace:", TargetKind.Namespace),
        ("folder:", TargetKind.Folder),
    ];

    /// <summary>Parses a spec.</summary>
    public static TargetSpec Parse(string spec)
    {
        foreach (var (prefix, kind) in Prefixes)
        {
            if (spec.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new TargetSpec(kind, spec[prefix.Length..].Trim()) { Text = spec };
            }
        }

        return new TargetSpec(null, spec.Trim()) { Text = spec };
    }

    /// <summary>Parses specs, in order.</summary>
    public static IReadOnlyList<TargetSpec> ParseAll(IEnumerable<string> specs) => [.. specs.Select(Parse)];

    /// <summary>Gives the spec as written.</summary>
    public override string ToString() => Text;

    /// <summary>Tells whether the spec may name a file (it has no prefix, or "file:").</summary>
    public bool MayBeFile => Kind is null or TargetKind.File;
}

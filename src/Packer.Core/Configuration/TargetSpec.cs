namespace Packer.Core.Configuration;

/// <summary>
/// A target spec as written: an optional "project:", "file:", "type:", "namespace:" or "folder:" prefix that forces
/// the kind, and the name. The one parser of specs: loading, focusing and resolving all read them here.
/// </summary>
/// <param name="Kind">The kind the prefix forces, or null when the spec has none (every kind is tried).</param>
/// <param name="Name">The name, trimmed.</param>
public readonly record struct TargetSpec(TargetKind? Kind, string Name)
{
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
                return new TargetSpec(kind, spec[prefix.Length..].Trim());
            }
        }

        return new TargetSpec(null, spec.Trim());
    }

    /// <summary>Tells whether the spec may name a file (it has no prefix, or "file:").</summary>
    public bool MayBeFile => Kind is null or TargetKind.File;
}

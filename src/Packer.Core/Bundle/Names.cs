using Packer.Core.Configuration;

namespace Packer.Core.Bundle;

/// <summary>The spellings of enum values in bundles and manifests (fixed here, never from ToString's casing).</summary>
public static class Names
{
    /// <summary>The name of a fidelity.</summary>
    public static string Of(Fidelity fidelity) => fidelity switch
    {
        Fidelity.Full => "full",
        Fidelity.Signatures => "signatures",
        Fidelity.Listed => "listed",
        Fidelity.Diff => "diff",
        Fidelity.Outline => "outline",
        _ => "omitted",
    };

    /// <summary>The name of a format, as the --format flag spells it.</summary>
    public static string Of(BundleFormat format) => format switch
    {
        BundleFormat.Xml => "xml",
        BundleFormat.Markdown => "markdown",
        BundleFormat.Json => "json",
        _ => "anthropic",
    };

    /// <summary>The name of a segment.</summary>
    public static string Of(SegmentKind kind) => kind switch
    {
        SegmentKind.Header => "header",
        SegmentKind.Outline => "outline",
        SegmentKind.Stable => "stable",
        SegmentKind.Volatile => "volatile",
        SegmentKind.Targets => "targets",
        _ => "edits",
    };

    /// <summary>The name of a target kind.</summary>
    public static string Of(TargetKind kind) => kind switch
    {
        TargetKind.Project => "project",
        TargetKind.File => "file",
        TargetKind.Type => "type",
        TargetKind.Folder => "folder",
        _ => "namespace",
    };
}

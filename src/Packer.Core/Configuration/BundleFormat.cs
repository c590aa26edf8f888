namespace Packer.Core.Configuration;

/// <summary>How the bundle is rendered.</summary>
public enum BundleFormat
{
    /// <summary>Well-formed XML with file text in CDATA sections.</summary>
    Xml,

    /// <summary>Markdown with one fenced block per file.</summary>
    Markdown,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>A content-block array with cache_control marks, for direct use in an API request.</summary>
    Anthropic,
}

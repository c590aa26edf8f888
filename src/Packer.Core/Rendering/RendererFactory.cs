using Packer.Core.Configuration;

namespace Packer.Core.Rendering;

/// <summary>Picks the renderer for a format.</summary>
internal static class RendererFactory
{
    public static IBundleRenderer For(BundleFormat format, int cacheMinTokens) => format switch
    {
        BundleFormat.Xml => new XmlRenderer(),
        BundleFormat.Markdown => new MarkdownRenderer(),
        BundleFormat.Json => new JsonRenderer(),
        BundleFormat.Anthropic => new AnthropicRenderer(cacheMinTokens),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

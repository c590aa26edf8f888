using Packer.Core;
using Packer.Core.Configuration;

namespace Packer.Agents.Server;

/// <summary>What the MCP server packs with when a call does not say: the merged packer.yaml and flags of the folder it serves.</summary>
/// <param name="Pack">The pack options (targets may be empty: each call names its own).</param>
/// <param name="StateDirectory">The state folder; bundles go to its <c>mcp</c> folder.</param>
/// <param name="WorkingDirectory">Where relative target paths are also looked up.</param>
/// <param name="InlineTokens">The most tokens a tool's answer holds: a bundle or slice is returned inline only within it, and lists are cut to fit it.</param>
public sealed record ServerOptions(PackOptions Pack, string StateDirectory, string WorkingDirectory, int InlineTokens)
{
    /// <summary>The default inline limit: agents cap a tool result at about 25,000 tokens (Claude Code's MAX_MCP_OUTPUT_TOKENS), so 20,000 leaves room.</summary>
    public const int DefaultInlineTokens = 20_000;

    /// <summary>The smallest inline limit: every answer is kept within it, and an answer's paths, segments and counts must fit.</summary>
    public const int MinInlineTokens = 1_000;

    /// <summary>The most files <c>rank_files</c> returns at once.</summary>
    public const int MaxTop = 100;
}

namespace Packer.Agents.Server;

/// <summary>What <c>pack_context</c> is asked for.</summary>
/// <param name="Targets">The target specs (none: packer.yaml's, or none at all when a task is given).</param>
/// <param name="Task">What the bundle is for (a sub-agent's brief, an issue, a stack trace), or null.</param>
/// <param name="MaxTokens">The cap (null: the configured one).</param>
/// <param name="Format">The format name (null: the configured one).</param>
/// <param name="Output">A file name or path inside the bundle folder (null: one named by the bundle's id).</param>
/// <param name="InlineTokens">The largest bundle returned inline (null: the server's limit).</param>
public sealed record PackRequest(IReadOnlyList<string>? Targets, string? Task = null, int? MaxTokens = null, string? Format = null, string? Output = null, int? InlineTokens = null);

using Packer.Core;
using Packer.Core.Pipeline;

namespace Packer.Agents.Session;

/// <summary>What a session run wrote and what the agent should be told.</summary>
/// <param name="Result">The pack's result.</param>
/// <param name="Map">The text for the agent: where the bundle is, how to read it, and what it holds.</param>
/// <param name="Bundle">The bundle file (absolute).</param>
/// <param name="Manifest">The manifest file (absolute).</param>
/// <param name="Parts">The part files, in order (absolute); empty when the bundle was written whole.</param>
public sealed record SessionOutcome(PackResult Result, string Map, string Bundle, string Manifest, IReadOnlyList<string> Parts);

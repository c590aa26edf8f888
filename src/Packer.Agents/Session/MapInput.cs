using Packer.Core;
using Packer.Core.Manifest;

namespace Packer.Agents.Session;

/// <summary>What the session map tells the agent about.</summary>
/// <param name="Manifest">The bundle's manifest.</param>
/// <param name="Root">The repository root the bundle's paths are relative to (absolute).</param>
/// <param name="Bundle">The bundle file (absolute).</param>
/// <param name="ManifestPath">The manifest file (absolute).</param>
/// <param name="Parts">The part files in order (absolute), or none when the bundle was written whole.</param>
/// <param name="Unchanged">Whether the bundle is byte for byte the one the previous run wrote.</param>
/// <param name="UnchangedParts">How many leading parts are byte for byte those the previous run wrote.</param>
/// <param name="Source">Why the agent's session starts.</param>
/// <param name="EditsLine">The 1-based line of the bundle where the appended edits start, when it has some.</param>
internal sealed record MapInput(
    ManifestDocument Manifest,
    string Root,
    string Bundle,
    string ManifestPath,
    IReadOnlyList<string> Parts,
    bool Unchanged,
    int UnchangedParts,
    HookSource Source,
    int? EditsLine);

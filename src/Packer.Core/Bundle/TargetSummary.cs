namespace Packer.Core.Bundle;

/// <summary>
/// What a bundle made of targets whose files do not fit the cap (the manifest's <c>summary</c>): how large they
/// are, how many of their files it gives in full, as signatures, only counted in the outline or only listed, and narrower
/// targets to try.
/// </summary>
/// <param name="Targets">The target specs, as given.</param>
/// <param name="Files">Their files.</param>
/// <param name="ApproxTokens">Their size in tokens, estimated as characters / 4 (counting them all would cost more than the run).</param>
/// <param name="Folders">The folders the outline has (the folder all target files share, every folder holding one below it, and those between them).</param>
/// <param name="Outline">How much of the tree the outline shows, e.g. "every folder, up to 3 types each"; "none" when not even its first line fit.</param>
/// <param name="Full">Target files given in full.</param>
/// <param name="Signatures">Target files given as signatures.</param>
/// <param name="Outlined">Target files only counted in the outline.</param>
/// <param name="Listed">Target files only listed by path (when not even the outline fit); the rest are left out, each with its reason in the manifest.</param>
/// <param name="Bound">Target files bound with the semantic model to rank them.</param>
/// <param name="Narrower">Narrower targets inside them, largest first: what to target to see more of one part.</param>
public sealed record TargetSummary(
    IReadOnlyList<string> Targets,
    int Files,
    int ApproxTokens,
    int Folders,
    string Outline,
    int Full,
    int Signatures,
    int Outlined,
    int Listed,
    int Bound,
    IReadOnlyList<NarrowerTarget> Narrower);

/// <summary>A part of a target too large for the cap, as a target of its own.</summary>
/// <param name="Spec">The spec to pass to --target, e.g. "namespace:Bit.Core.Billing" or "folder:src/Core/Billing".</param>
/// <param name="Files">Its files.</param>
/// <param name="ApproxTokens">Its size in tokens, estimated as characters / 4.</param>
public sealed record NarrowerTarget(string Spec, int Files, int ApproxTokens);

namespace Packer.Core.Budget;

/// <summary>How much of a file the bundle holds.</summary>
public enum Fidelity
{
    /// <summary>The whole file.</summary>
    Full,

    /// <summary>Declarations only, bodies removed.</summary>
    Signatures,

    /// <summary>Only its path, in the listing.</summary>
    Listed,

    /// <summary>Not in the bundle.</summary>
    Omitted,
}

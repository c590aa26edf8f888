namespace Packer.Core.Ranking;

/// <summary>How a file one edge away from a target is tied to it: the kind and direction of its strongest edge to one.</summary>
internal enum Tie
{
    /// <summary>Not one edge from a target (or a target itself).</summary>
    None,

    /// <summary>It declares something a target uses.</summary>
    Declares,

    /// <summary>It uses something a target declares.</summary>
    Uses,

    /// <summary>It declares a type a target derives from or implements.</summary>
    Base,

    /// <summary>It derives from or implements a type a target declares.</summary>
    Derives,

    /// <summary>It declares another part of a target's partial type.</summary>
    Partial,
}

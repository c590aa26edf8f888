namespace Packer.Core.Redaction;

/// <summary>Where a rule found a secret's value in a text.</summary>
/// <param name="Start">The offset of the value's first character.</param>
/// <param name="Length">The value's length.</param>
/// <param name="Rule">The rule's position in the catalogue (lower wins when two rules find one span).</param>
internal readonly record struct SecretSpan(int Start, int Length, int Rule)
{
    /// <summary>Gets the offset just past the value.</summary>
    public int End => Start + Length;
}

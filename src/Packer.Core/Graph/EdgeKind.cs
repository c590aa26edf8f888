namespace Packer.Core.Graph;

/// <summary>Why two files are joined.</summary>
internal enum EdgeKind
{
    /// <summary>The source file uses a type or member declared in the destination file.</summary>
    Uses,

    /// <summary>Both files declare parts of one partial type.</summary>
    Partial,
}

namespace Packer.Core.Graph;

/// <summary>Why two files are joined.</summary>
internal enum EdgeKind
{
    /// <summary>The source file uses a type or member declared in the destination file.</summary>
    Uses,

    /// <summary>A type in the source file derives from, or implements, a type declared in the destination file.</summary>
    Implements,

    /// <summary>Both files declare parts of one partial type.</summary>
    Partial,
}

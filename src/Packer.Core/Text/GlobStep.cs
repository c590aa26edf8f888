namespace Packer.Core.Text;

/// <summary>One step of a compiled <see cref="Glob"/>: what the next characters of a path must be.</summary>
internal enum GlobStep
{
    /// <summary>One given character.</summary>
    Literal,

    /// <summary><c>?</c>: one character other than <c>/</c>.</summary>
    One,

    /// <summary><c>*</c>: any run of characters other than <c>/</c>, the empty one too.</summary>
    Star,

    /// <summary><c>**</c> not followed by <c>/</c>: any run of characters, across folders.</summary>
    Any,

    /// <summary><c>**/</c>: nothing, or any run of characters that ends with <c>/</c> (any number of folders).</summary>
    Folders,

    /// <summary><c>[abc]</c>, <c>[a-z]</c>, <c>[!a]</c> (or <c>[^a]</c>): one character of a set, or not of it; never <c>/</c>.</summary>
    Class,
}

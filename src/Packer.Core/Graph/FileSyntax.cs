namespace Packer.Core.Graph;

/// <summary>What one C# file declares and mentions, read from syntax alone (no binding).</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Identifiers">Every identifier spelled in the file, with how often, sorted (comments and strings are not identifiers).</param>
/// <param name="DeclaredNames">Names other files use to reach this one: its types, and its extension methods.</param>
/// <param name="Types">Full names (namespace and containing types, no arity) of the types it declares.</param>
/// <param name="Namespaces">The namespaces it declares types in.</param>
/// <param name="Length">Characters of its text as a bundle shows it (<see cref="Text.ShownLength"/>), for ranking; -1 when unknown.</param>
internal sealed record FileSyntax(
    string Path,
    NameCounts Identifiers,
    IReadOnlyList<string> DeclaredNames,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Namespaces,
    int Length = -1)
{
    /// <summary>Gets the words of its identifiers, comments (XML docs included) and string literals, lower case, with how often (<see cref="Text.Words"/>): what a task's text is matched against. A literal or comment holding a secret gives none.</summary>
    public NameCounts Words { get; init; } = NameCounts.Empty;

    /// <summary>Gets the names of the members its types declare (methods, properties, fields, events), sorted and distinct.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>
    /// Gets a hash of what other files can bind to in it: its tokens outside member bodies, initializers and top-level
    /// statements, each of those counted only as being there. Comments, formatting and code inside members do not
    /// change it, so an edit that keeps it cannot change how any other file binds (<see cref="Caching.KnownAnalysis"/>).
    /// Empty when unknown (a file not read), which no edit keeps.
    /// </summary>
    public string Shape { get; init; } = string.Empty;

    /// <summary>
    /// Gets a hash of all its tokens (comments, formatting and disabled code left out): an edit that keeps it cannot
    /// change what the file itself binds to. Empty when unknown.
    /// </summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>The facts of a file whose syntax is not read (<see cref="Migrations"/>): its path and length only.</summary>
    /// <param name="path">Repository-relative path.</param>
    /// <param name="length">Characters of its text as a bundle shows it.</param>
    public static FileSyntax Unread(string path, int length) => new(path, NameCounts.Empty, [], [], [], length);
}

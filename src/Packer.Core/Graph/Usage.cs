namespace Packer.Core.Graph;

/// <summary>One file's use of symbols declared in another file.</summary>
/// <param name="To">The file declaring the symbols.</param>
/// <param name="Weight">How much is used: each distinct symbol counts by how rare its name is and how often it is used.</param>
/// <param name="Symbol">The symbol that weighs most, for the manifest's reason.</param>
/// <param name="Implements">Whether a type in the using file derives from, or implements, a type declared in <paramref name="To"/>.</param>
internal sealed record Usage(string To, double Weight, string Symbol, bool Implements);

namespace Packer.Core.Loading;

/// <summary>A loaded project, once per project file whatever its target frameworks.</summary>
/// <param name="Name">The project name, without the target-framework suffix.</param>
/// <param name="Path">Repository-relative path of the project file.</param>
/// <param name="References">Names of the projects it references, sorted.</param>
public sealed record ProjectNode(string Name, string Path, IReadOnlyList<string> References);

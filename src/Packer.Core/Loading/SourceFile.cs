using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>
/// One file that can go into a bundle. A C# file counted once even when several projects (linked
/// files, target frameworks) compile it; an extra file (README, appsettings) has no document.
/// </summary>
/// <param name="Path">Repository-relative path with '/'.</param>
/// <param name="Project">The owning project's name, or "" for extra files.</param>
/// <param name="Document">The document to bind, for C# files.</param>
public sealed record SourceFile(string Path, string Project, DocumentId? Document)
{
    /// <summary>Gets a value indicating whether Roslyn knows this file as C# source.</summary>
    public bool IsCSharp => Document is not null;
}

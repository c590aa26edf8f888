namespace Packer.Core.Diagnostics;

/// <summary>Where in a file a problem is, for messages an editor can jump to.</summary>
/// <param name="Path">The file's absolute path.</param>
/// <param name="Display">The file as the user named it, for plain messages.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string Path, string Display, long Line, long Column);

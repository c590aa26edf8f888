namespace Packer.Core.Text;

/// <summary>
/// A file holds more than the most this tool reads of it (see <see cref="BoundedFile"/>). An <see cref="IOException"/>,
/// so that whoever treats an unreadable file (an error, a warning, a cold cache) treats this one the same way.
/// </summary>
/// <param name="path">The file, as the user named it.</param>
/// <param name="limit">The most read of it, in bytes.</param>
public sealed class FileTooLargeException(string path, long limit)
    : IOException($"{path}: larger than {BoundedFile.Describe(limit)}, the most this tool reads of it")
{
    /// <summary>Gets the file.</summary>
    public string Path { get; } = path;

    /// <summary>Gets the most read of it, in bytes.</summary>
    public long Limit { get; } = limit;
}

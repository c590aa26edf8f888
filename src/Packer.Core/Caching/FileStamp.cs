namespace Packer.Core.Caching;

/// <summary>
/// A file's size and time of last change, as a directory listing gives them. A warm run trusts the hash the
/// cache recorded for a file whose stamp is as recorded, and hashes the others (as git trusts its index). A
/// stamp taken within <see cref="Settle"/> of its change is not recorded: an edit later in the same moment
/// might keep it, so such a file is hashed on every run until a later stamp is recorded.
/// </summary>
/// <param name="Size">The size in bytes.</param>
/// <param name="Modified">The last write time, in UTC ticks.</param>
internal readonly record struct FileStamp(long Size, long Modified)
{
    /// <summary>How long after its last change a file's stamp may be recorded.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>Gets a value indicating whether this stamp is one (the default is none, and matches nothing).</summary>
    public bool IsKnown => Modified != 0;

    /// <summary>A listed file's stamp.</summary>
    public static FileStamp Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc.Ticks);

    /// <summary>This stamp, or none when the file changed within <see cref="Settle"/> of <paramref name="takenUtc"/>.</summary>
    public FileStamp SettledBy(DateTime takenUtc) => Modified < (takenUtc - Settle).Ticks ? this : default;
}

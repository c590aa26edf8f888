using System.Runtime.InteropServices;

namespace Packer.Core.Text;

/// <summary>What a path names, without following a symbolic link.</summary>
public enum PathKind
{
    /// <summary>Nothing.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (whatever it points to).</summary>
    Link,

    /// <summary>A device, a FIFO or a socket.</summary>
    Special,
}

/// <summary>
/// Tells what a path names. .NET's file attributes cannot tell a device or a FIFO from a regular file on Unix,
/// so the type comes from lstat(2), through the runtime's own native layer (the same call File APIs make).
/// </summary>
public static class PathKinds
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Folder = 0x4000;
    private const int SymbolicLink = 0xA000;

    /// <summary>What <paramref name="path"/> names.</summary>
    public static PathKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            return !info.Exists && !System.IO.Directory.Exists(path) ? PathKind.Missing
                : info.LinkTarget is not null ? PathKind.Link
                : System.IO.Directory.Exists(path) ? PathKind.Directory
                : PathKind.File;
        }

        // The runtime's FileStatus: Flags (int32), then Mode (int32); the rest is not read.
        var status = new byte[256];
        if (LStat(path, status) != 0)
        {
            return PathKind.Missing;
        }

        return (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            RegularFile => PathKind.File,
            Folder => PathKind.Directory,
            SymbolicLink => PathKind.Link,
            _ => PathKind.Special,
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}

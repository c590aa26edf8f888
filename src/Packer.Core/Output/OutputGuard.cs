using System.Text;
using Packer.Core.Diagnostics;
using Packer.Core.Git;
using Packer.Core.Rendering;
using Packer.Core.Text;

namespace Packer.Core.Output;

/// <summary>
/// Writes only what is the tool's own. An output must be a regular file or nothing yet: a link, a folder, a
/// device or a FIFO is refused, never replaced. It must not lie in a .git folder, lead out of the repository
/// through a linked folder, be a source, project or solution file, a file git tracks (in this repository or the
/// one it lies in) or a read-only file. An existing file that does not carry the signature of the tool's own
/// (<see cref="IsOurs"/>) is refused unless forced; --force lifts that one check and no other. All of this is
/// checked before the solution is loaded, with the folders' writability; that an output is not one of the
/// loaded solution's files is checked once it is loaded.
/// </summary>
public static class OutputGuard
{
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".fs", ".fsproj", ".vb", ".vbproj", ".sln", ".slnx", ".props", ".targets"];

    // How a bundle part after the first begins: at a file block of the XML or the Markdown format.
    private static readonly string[] PartStarts = ["<file path=\"", "## "];

    // Keys a session's state file has besides "bundle" (whatever their values: a state file gone bad is still the tool's to replace).
    private static readonly string[] SessionStateKeys = ["\"parts\":", "\"tokens\":"];

    /// <summary>How a dependency file begins (<c>--depfile</c>): the line that says what it is, and marks it as the tool's own.</summary>
    public const string DepFileHeading = "# dotnet-pack-context: the files this bundle was packed from";

    /// <summary>How a session's map begins.</summary>
    public const string SessionMapStart = "# Context bundle for this session (dotnet pack-context)\n";

    /// <summary>Checks a run's outputs before anything is loaded or written.</summary>
    /// <param name="outputs">The files the run will write.</param>
    /// <param name="root">The repository root.</param>
    /// <param name="force">Whether an existing file that is not the tool's own may be replaced.</param>
    /// <exception cref="UsageException">An output that must not be written.</exception>
    /// <exception cref="FileAccessException">An output folder that cannot be written.</exception>
    public static void Check(IReadOnlyList<OutputFile> outputs, string root, bool force)
    {
        // Two names of one file (the same path, or one through a link) would have the second write lose the first.
        var real = outputs.Select(o => (Output: o, Real: RealPaths.Of(o.Path))).ToList();
        var same = real.GroupBy(o => o.Real, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (same is not null)
        {
            throw new UsageException(
                $"{string.Join(" and ", same.Select(o => o.Output.Named))} name the same file ({same.Key}); give each its own path.", DiagnosticCodes.OutputRefused);
        }

        var tracked = GitFiles.Tracked(root, outputs.Select(o => RepoPath.Relative(root, o.Path)).OfType<string>());
        var paths = new RealPaths(root);
        foreach (var (output, realPath) in real)
        {
            Check(output, realPath, root, paths, tracked, force);
        }
    }

    /// <summary>Refuses an output that is one of the loaded solution's files.</summary>
    /// <param name="outputs">The files the run will write.</param>
    /// <param name="root">The repository root.</param>
    /// <param name="files">The solution's files, repository-relative.</param>
    public static void CheckNotIn(IReadOnlyList<OutputFile> outputs, string root, IReadOnlySet<string> files)
    {
        foreach (var output in outputs)
        {
            if (RepoPath.Relative(root, output.Path) is { } path && files.Contains(path))
            {
                throw Refused(output, "is a file of the solution");
            }
        }
    }

    /// <summary>
    /// Tells whether an existing file's first bytes are those of a file of its kind this tool writes: a bundle's
    /// signed header (<see cref="BundleSignature"/>), a manifest's schema version and tool name, a session map's title,
    /// a session state's keys. A bundle part after the first may begin at a file block (as a part is cut), so a part
    /// is recognized by that too; parts live only in the session's state folder. An empty file is not the tool's.
    /// </summary>
    public static bool IsOurs(string path, OutputKind kind)
    {
        var head = new byte[4096];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = Encoding.UTF8.GetString(head, 0, read);
        return read > 0 && kind switch
        {
            OutputKind.Bundle => BundleSignature.Begins(text),
            OutputKind.BundlePart => BundleSignature.Begins(text) || PartStarts.Any(s => text.StartsWith(s, StringComparison.Ordinal)),
            OutputKind.SessionMap => text.StartsWith(SessionMapStart, StringComparison.Ordinal),
            OutputKind.SessionState => IsSessionState(Compact(text)),
            OutputKind.DepFile => text.StartsWith(DepFileHeading, StringComparison.Ordinal),
            _ => IsManifest(Compact(text)),
        };
    }

    private static bool IsManifest(string compact) =>
        compact.StartsWith("{\"schemaVersion\":", StringComparison.Ordinal) && compact.Contains("\"name\":\"dotnet-pack-context\"", StringComparison.Ordinal);

    private static bool IsSessionState(string compact) =>
        compact.StartsWith("{\"bundle\":", StringComparison.Ordinal) && SessionStateKeys.All(k => compact.Contains(k, StringComparison.Ordinal));

    // A manifest's opening without the whitespace between its tokens (it may have been reformatted).
    private static string Compact(string json) => string.Concat(json.Where(c => !char.IsWhiteSpace(c)));

    // Whatever --force says: never through a link, never into .git, never a source or a file git tracks (here or in
    // another repository), never a read-only file. --force only lets a regular file that does not look like the
    // tool's own be replaced.
    private static void Check(OutputFile output, string realPath, string root, RealPaths paths, IReadOnlySet<string> tracked, bool force)
    {
        var kind = PathKinds.Of(output.Path);
        var inside = RepoPath.Relative(root, output.Path);
        var reason = kind switch
        {
            PathKind.Link => "is a symbolic link (the tool writes only regular files, and never through a link)" + PipeHint(output),
            PathKind.Directory => "is a folder",
            PathKind.Special => "is a device, FIFO or socket, not a regular file" + PipeHint(output),
            _ when InGitFolder(output.Path) || InGitFolder(realPath) => "is inside a .git folder, which the tool never writes to",
            _ when inside is not null && paths.LeavesRoot(output.Path) => $"leads outside the repository through a symbolic link (to {realPath})",
            _ when SourceExtensions.Contains(Path.GetExtension(output.Path), StringComparer.OrdinalIgnoreCase) => "is a source, project or solution file",
            _ when inside is not null && tracked.Contains(inside) => "is tracked by git",
            PathKind.File when inside is null && GitFiles.IsTrackedAnywhere(realPath) => "is tracked by git (in the repository it lies in)",
            PathKind.File when IsReadOnly(realPath) => "is read-only; make it writable (or remove it) if the tool should replace it",
            PathKind.File when !force && !Readable(output) => $"exists and is not {Describe(output.Kind)} this tool wrote; pass --force to replace it",
            _ => null,
        };
        if (reason is not null)
        {
            throw Refused(output, reason);
        }

        EnsureWritable(output);
    }

    // Any folder named .git on the way, whatever its case (a case-insensitive file system).
    private static bool InGitFolder(string path) =>
        Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1).Any(p => p.Equals(".git", StringComparison.OrdinalIgnoreCase));

    private static bool IsReadOnly(string path) =>
        OperatingSystem.IsWindows() ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
        : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;

    private static string Describe(OutputKind kind) => kind switch
    {
        OutputKind.SessionMap => "a session map",
        OutputKind.SessionState => "a session state file",
        OutputKind.DepFile => "a dependency file",
        _ => "a bundle or manifest",
    };

    private static bool Readable(OutputFile output)
    {
        try
        {
            return IsOurs(output.Path, output.Kind);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, output.Path);
        }
    }

    // Creates the output's folder if needed and proves a file can be made in it, before the slow load.
    private static void EnsureWritable(OutputFile output)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output.Path))!;
        try
        {
            Directory.CreateDirectory(folder);
            using var probe = new FileStream(
                Path.Combine(folder, $".pack-context-{Environment.ProcessId}-{Guid.NewGuid():N}.probe"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw new FileAccessException($"{output.Named} {output.Path}: its folder cannot be written ({e.Message}).", e);
        }
    }

    // A pipe (>(cmd) is /dev/fd/N, a link) or a device is what standard output is for.
    private static string PipeHint(OutputFile output) =>
        output.Kind == OutputKind.Bundle && output.Source == "-o" ? " (leave out -o to write the bundle to standard output, and pipe that)" : string.Empty;

    private static UsageException Refused(OutputFile output, string reason) =>
        new($"{output.Source} {output.Path} {reason}; nothing was written.", DiagnosticCodes.OutputRefused, output.Location);
}

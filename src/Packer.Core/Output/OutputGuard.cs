using System.Text;
using Packer.Core.Diagnostics;
using Packer.Core.History;
using Packer.Core.Text;

namespace Packer.Core.Output;

/// <summary>
/// Writes only what is the tool's own. An output must be a regular file or nothing yet: a link, a folder, a
/// device or a FIFO is refused, never replaced. It must not be a source, project or solution file, nor any file
/// git tracks. An existing file that is not a bundle or manifest this tool wrote is refused unless forced. All
/// of this is checked before the solution is loaded, with the folders' writability; that an output is not
/// one of the loaded solution's files is checked once it is loaded.
/// </summary>
public static class OutputGuard
{
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".fs", ".fsproj", ".vb", ".vbproj", ".sln", ".slnx", ".props", ".targets"];

    // How each format of bundle, and a manifest, begin (a bundle part may begin at a file block).
    private static readonly string[] BundleStarts =
    [
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<context ", "# Context: ", "{\n  \"solution\": ", "[\n  {\"type\": \"text\", \"text\": \"", "<file path=\"", "## ",
    ];

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
        var same = outputs.GroupBy(o => Path.GetFullPath(o.Path), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (same is not null)
        {
            throw new UsageException(
                $"{string.Join(" and ", same.Select(o => o.Named))} name the same file ({same.Key}); give each its own path.", DiagnosticCodes.OutputRefused);
        }

        var tracked = GitFiles.Tracked(root, outputs.Select(o => RepoPath.Relative(root, o.Path)).OfType<string>());
        foreach (var output in outputs)
        {
            Check(output, root, tracked, force);
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

    /// <summary>Tells whether an existing file's first bytes are those of a file of its kind this tool writes (an empty file counts too).</summary>
    public static bool IsOurs(string path, OutputKind kind)
    {
        var head = new byte[256];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = Encoding.UTF8.GetString(head, 0, read);
        return read == 0 || kind switch
        {
            OutputKind.Bundle => BundleStarts.Any(s => text.StartsWith(s, StringComparison.Ordinal)),
            OutputKind.SessionMap => text.StartsWith(SessionMapStart, StringComparison.Ordinal),
            OutputKind.SessionState => Compact(text).StartsWith("{\"bundle\":", StringComparison.Ordinal),
            _ => IsManifest(Compact(text)),
        };
    }

    private static bool IsManifest(string compact) =>
        compact.StartsWith("{\"schemaVersion\":", StringComparison.Ordinal) && compact.Contains("\"name\":\"dotnet-pack-context\"", StringComparison.Ordinal);

    // A manifest's opening without the whitespace between its tokens (it may have been reformatted).
    private static string Compact(string json) => string.Concat(json.Where(c => !char.IsWhiteSpace(c)));

    private static void Check(OutputFile output, string root, IReadOnlySet<string> tracked, bool force)
    {
        var kind = PathKinds.Of(output.Path);
        var reason = kind switch
        {
            PathKind.Link => "is a symbolic link (the tool writes only regular files, and never through a link)" + PipeHint(output),
            PathKind.Directory => "is a folder",
            PathKind.Special => "is a device, FIFO or socket, not a regular file" + PipeHint(output),
            _ when SourceExtensions.Contains(Path.GetExtension(output.Path), StringComparer.OrdinalIgnoreCase) => "is a source, project or solution file",
            _ when RepoPath.Relative(root, output.Path) is { } path && tracked.Contains(path) => "is tracked by git",
            PathKind.File when !force && !Readable(output) => $"exists and is not {Describe(output.Kind)} this tool wrote; pass --force to replace it",
            _ => null,
        };
        if (reason is not null)
        {
            throw Refused(output, reason);
        }

        EnsureWritable(output);
    }

    private static string Describe(OutputKind kind) => kind switch
    {
        OutputKind.SessionMap => "a session map",
        OutputKind.SessionState => "a session state file",
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

using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Output;
using Packer.Core.Text;

namespace Packer.Agents.Session;

/// <summary>
/// The files of the session state folder: the bundle, its parts, the manifest that the next session hands
/// back as <c>--previous</c>, the map printed for the agent (<c>map.md</c>), and <c>session.json</c> (what the
/// last run split and counted). One run at a
/// time holds its lock, so two agent sessions starting together do not interleave their writes.
/// </summary>
internal sealed class StateFolder
{
    private readonly string extension;

    public StateFolder(string directory, BundleFormat format)
    {
        Directory = directory;
        extension = ExtensionOf(format);
    }

    /// <summary>The extensions of bundle files, longest first.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".anthropic.json", ".json", ".xml", ".md"];

    /// <summary>The file extension of a bundle in a format.</summary>
    public static string ExtensionOf(BundleFormat format) => format switch
    {
        BundleFormat.Markdown => ".md",
        BundleFormat.Json => ".json",
        BundleFormat.Anthropic => ".anthropic.json",
        _ => ".xml",
    };

    /// <summary>A pack's options writing to the given files instead of packer.yaml's output, manifest and previous, whose lines no longer apply.</summary>
    /// <param name="pack">The merged pack options.</param>
    /// <param name="bundle">The bundle file.</param>
    /// <param name="manifest">The manifest file.</param>
    /// <param name="previous">The earlier manifest, or null.</param>
    /// <param name="owner">Who chose the files, for messages ("the session's", "the server's").</param>
    public static PackOptions Writing(PackOptions pack, string bundle, string manifest, string? previous, string owner) => pack with
    {
        OutputsOwner = owner,
        Output = bundle,
        Manifest = manifest,
        Previous = previous,
        ConfigLocations = pack.ConfigLocations.Where(l => l.Key is not ("output" or "manifest" or "previous")).ToDictionary(StringComparer.Ordinal),
    };

    /// <summary>Gets the folder.</summary>
    public string Directory { get; }

    /// <summary>What the <c>.gitignore</c> written into a state folder this tool creates says: everything in it is the tool's own state.</summary>
    public const string GitIgnore = "# Written by dotnet pack-context: this folder holds its bundles and state, not sources.\n*\n";

    /// <summary>
    /// Creates the state folder if it does not exist yet, with a <c>.gitignore</c> that ignores everything in it (as other
    /// tools do with theirs), so that a repository where <c>init</c> never ran is not left with an untracked folder. A folder
    /// that exists is left as it is, and so is a <c>.gitignore</c> already in it.
    /// </summary>
    /// <param name="directory">The state folder.</param>
    /// <exception cref="FileAccessException">It cannot be created.</exception>
    public static void Create(string directory)
    {
        if (PathKinds.Of(directory) != PathKind.Missing)
        {
            return;
        }

        try
        {
            System.IO.Directory.CreateDirectory(directory);
            using var ignore = new FileStream(Path.Combine(directory, ".gitignore"), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            ignore.Write(System.Text.Encoding.UTF8.GetBytes(GitIgnore));
        }
        catch (IOException) when (File.Exists(Path.Combine(directory, ".gitignore")))
        {
            // Another run that created the folder at the same moment wrote it.
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, directory);
        }
    }

    /// <summary>Gets the bundle's path.</summary>
    public string Bundle => Path.Combine(Directory, "context" + extension);

    /// <summary>Gets the manifest's path.</summary>
    public string Manifest => Path.Combine(Directory, "context.manifest.json");

    /// <summary>Gets the path of the map the run printed, for agents that read a file at start rather than a hook's output.</summary>
    public string Map => Path.Combine(Directory, ContextMap.FileName);

    /// <summary>Gets the path of the state the next run compares with.</summary>
    public string State => Path.Combine(Directory, "session.json");

    /// <summary>Gets the path of part <paramref name="number"/> (1-based).</summary>
    public string Part(int number) => Path.Combine(Directory, $"context.{number}{extension}");

    /// <summary>
    /// The files a run writes besides the bundle and manifest (which the pipeline checks as it checks -o and
    /// --manifest), as <see cref="OutputGuard"/> checks them: the map, the state, and the parts to be written or
    /// left by an earlier run (which a run with fewer parts deletes).
    /// </summary>
    /// <param name="parts">How many parts the run writes (0 before the pack, when only the existing ones are known).</param>
    public IReadOnlyList<OutputFile> OwnFiles(int parts) =>
    [
        new(Map, OutputKind.SessionMap, "the session's map"),
        new(State, OutputKind.SessionState, "the session's state"),
        .. Enumerable.Range(1, Math.Max(parts, ExistingParts())).Select(n => new OutputFile(Part(n), OutputKind.BundlePart, "the session's bundle part")),
    ];

    /// <summary>Deletes the parts numbered above <paramref name="count"/>, left by an earlier run that wrote more (checked by <see cref="OwnFiles"/>).</summary>
    public void DeletePartsAfter(int count)
    {
        for (var number = count + 1; PathKinds.Of(Part(number)) == PathKind.File; number++)
        {
            File.Delete(Part(number));
        }
    }

    // How many parts an earlier run left, numbered from 1 without a gap.
    private int ExistingParts()
    {
        var count = 0;
        while (PathKinds.Of(Part(count + 1)) != PathKind.Missing)
        {
            count++;
        }

        return count;
    }

    /// <summary>Takes the folder's lock (a file left in place: deleting it on release would let two waiting runs lock two files), waiting for another run for up to <paramref name="wait"/>.</summary>
    /// <exception cref="PackerException">Another run held it all that time.</exception>
    public IDisposable Lock(TimeSpan wait)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, "session.lock");
        if (PathKinds.Of(path) is not (PathKind.Missing or PathKind.File))
        {
            throw new UsageException($"{path} is not a regular file (a link, a folder or a device); the session's lock must be one. Nothing was written.", DiagnosticCodes.OutputRefused);
        }

        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                throw new PackerException($"another run holds {path} (an agent session starting at the same time?); try again.", ExitCodes.Failure, DiagnosticCodes.FileAccess);
            }
        }
    }
}

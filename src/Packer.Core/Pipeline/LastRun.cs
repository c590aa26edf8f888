using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.History;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Output;
using Packer.Core.Text;

namespace Packer.Core.Pipeline;

/// <summary>
/// The last run of the command line that wrote its bundle to a file, kept beside the analysis cache with a key of
/// everything that decided it: the tool, the options (every one, the task's text included), the working folder, the
/// build inputs, every file's path and content hash, and git's HEAD and working-tree changes. A run whose key is the one
/// kept, and whose bundle file still holds the bytes that run wrote, returns that bundle and the kept manifest without
/// indexing, ranking or rendering again: the pipeline is a function of those inputs (the same inputs give the same
/// bytes), so the result is the one it would compute. Like the analysis cache it holds no file text: the manifest
/// (paths, scores, names) and the bundle's SHA-256, not the bundle. A file that is unreadable, altered or of another
/// format is a miss, never trusted.
/// </summary>
internal static class LastRun
{
    /// <summary>The largest file read (a bundle and its manifest; a larger one is a miss).</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    private const int Magic = 0x524C4B50; // "PKLR"
    private const int Version = 3;

    // As the bundle file is written (OutputWriter): UTF-8 without a byte order mark; reading rejects invalid bytes.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The key of a run: a hash of everything its bundle and manifest depend on.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="solution">The solution's build inputs, C# paths and extra files, as checked.</param>
    /// <param name="hashes">Each file's content hash, by repository-relative path.</param>
    /// <param name="git">HEAD and the files changed in the working tree (null without git).</param>
    public static string Key(
        PackOptions options, string workingDirectory, SolutionFingerprint solution, IReadOnlyDictionary<string, string> hashes, (string Head, IReadOnlySet<string> Changed)? git)
    {
        var tool = typeof(LastRun).Assembly;
        var text = new StringBuilder()
            .Append("tool=").Append(tool.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).Append('/').Append(tool.ManifestModule.ModuleVersionId).Append('\n')
            .Append("cwd=").Append(Path.GetFullPath(workingDirectory)).Append('\n')
            .Append("options=").Append(Describe(options)).Append('\n')
            .Append("sources=").Append(solution.SourceDigest).Append('\n');
        foreach (var (path, hash) in solution.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            text.Append("input ").Append(path).Append('\t').Append(hash).Append('\n');
        }

        foreach (var warning in solution.ExtraWarnings)
        {
            text.Append("warning ").Append(warning).Append('\n');
        }

        foreach (var (path, hash) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            text.Append("file ").Append(path).Append('\t').Append(hash).Append('\n');
        }

        text.Append("head=").Append(git?.Head ?? "none").Append('\n');
        foreach (var path in (git?.Changed ?? new HashSet<string>()).Order(StringComparer.Ordinal))
        {
            text.Append("changed ").Append(path).Append('\n');
        }

        return ContentHash.Of(text.ToString());
    }

    /// <summary>Every option, as JSON: a property added to <see cref="PackOptions"/> is part of the key without a change here.</summary>
    /// <param name="options">The options.</param>
    public static string Describe(PackOptions options) => JsonSerializer.Serialize(options, OptionsJsonContext.Default.PackOptions);

    /// <summary>
    /// The last run's result when every input is as it was for it, or null: no file, one that cannot be trusted, a
    /// changed input (an option, the working folder, a build input, a file, git's state), a target naming a file outside
    /// the solution, or a bundle file that no longer holds the bytes that run wrote. Reads neither the cache nor MSBuild.
    /// </summary>
    /// <param name="file">The last run's file.</param>
    /// <param name="options">This run's options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="root">The repository root.</param>
    /// <param name="filter">The include and exclude globs, to find the extra files again.</param>
    /// <param name="bundle">The bundle file of this run (<c>-o</c>).</param>
    /// <exception cref="PackerException">An output of this run is a file it must not write (as a full run would say).</exception>
    public static PackResult? TryRepeat(string file, PackOptions options, string workingDirectory, string root, FileFilter filter, string bundle)
    {
        try
        {
            if (!File.Exists(file) || !File.Exists(bundle))
            {
                return null;
            }

            if (SealedBytes.Open(BoundedFile.ReadAllBytes(file, MaxFileBytes), least: 8) is not { } content)
            {
                return null;
            }

            using var input = new BinaryReader(content, Encoding.UTF8);
            if (input.ReadInt32() != Magic || input.ReadInt32() != Version)
            {
                return null;
            }

            var key = input.ReadString();
            var bundleHash = input.ReadString();
            var solution = ReadFingerprint(input);
            var git = Task.Run(() => GitHistory.ReadState(root));
            var paths = solution.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            if (solution.CurrentHashes(root, filter) is not { } hashes
                || LooseFiles.Named(root, paths, options.Targets, workingDirectory).Count > 0
                || Key(options, workingDirectory, solution, hashes, git.GetAwaiter().GetResult()) != key)
            {
                return null;
            }

            var written = BoundedFile.ReadAllBytes(bundle, MaxFileBytes);
            if (Convert.ToHexStringLower(SHA256.HashData(written)) != bundleHash)
            {
                return null;
            }

            OutputGuard.CheckNotIn(Preflight.Outputs(options), root, paths);
            var manifest = input.ReadBoolean() ? input.ReadString() : null;
            var summary = input.ReadBoolean() ? ManifestJson.ReadSummary(input.ReadString()) : null;
            var totalTokens = input.ReadInt32();
            var warnings = Strings(input);
            var counts = new int[input.ReadInt32()];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = input.ReadInt32();
            }

            var stats = new RunStats(counts[0], counts[1], 0, 0, counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8]);
            return new PackResult(Utf8.GetString(written), manifest, summary, totalTokens, warnings, stats);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException
                                   or FileTooLargeException or ArgumentException or IndexOutOfRangeException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Keeps a run's result under its key (atomically); a file that cannot be written is no error.</summary>
    /// <param name="file">The last run's file.</param>
    /// <param name="key">The key of the run.</param>
    /// <param name="solution">The solution as the run's warm start checked it.</param>
    /// <param name="options">The run's options (a run that wrote no manifest keeps none).</param>
    /// <param name="result">What it produced (its bundle is kept as its SHA-256 alone).</param>
    public static void Write(string file, string key, SolutionFingerprint solution, PackOptions options, PackResult result)
    {
        using var body = new MemoryStream();
        using (var output = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            output.Write(Magic);
            output.Write(Version);
            output.Write(key);
            output.Write(Convert.ToHexStringLower(SHA256.HashData(Utf8.GetBytes(result.Bundle))));
            WriteFingerprint(output, solution);

            // The manifest only when the run wrote one (or a dependency file, which lists its files): serializing it
            // costs a run that writes none, and a repeat of that run needs none (both are in the key).
            var manifest = options.Manifest is not null || options.DepFile is not null;
            output.Write(manifest);
            if (manifest)
            {
                output.Write(result.ManifestText);
            }

            output.Write(result.Summary is not null);
            if (result.Summary is { } summary)
            {
                output.Write(ManifestJson.WriteSummary(summary));
            }

            output.Write(result.TotalTokens);
            Strings(output, result.Warnings);
            var s = result.Stats;
            int[] counts = [s.Projects, s.Files, s.GraphFiles, s.Edges, s.Included, s.Listed, s.KeptFiles, s.AppendedEdits, s.Outlined];
            output.Write(counts.Length);
            foreach (var count in counts)
            {
                output.Write(count);
            }

        }

        try
        {
            AtomicFile.WriteAllBytes(file, SealedBytes.Seal(body));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the next run packs again
        }
    }

    private static void WriteFingerprint(BinaryWriter output, SolutionFingerprint solution)
    {
        output.Write(solution.Inputs.Count);
        foreach (var (path, hash) in solution.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            output.Write(path);
            output.Write(hash);
        }

        output.Write(solution.SourceDigest);
        Strings(output, solution.ProjectFolders);
        Strings(output, solution.Extras);
        Strings(output, solution.ExtraWarnings);
        output.Write(solution.Files.Count);
        foreach (var file in solution.Files)
        {
            output.Write(file.Path);
            output.Write(file.Stamp.Size);
            output.Write(file.Stamp.Modified);
            output.Write(file.Hash);
        }
    }

    private static SolutionFingerprint ReadFingerprint(BinaryReader input)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var count = input.ReadInt32(); count > 0; count--)
        {
            inputs.Add(input.ReadString(), input.ReadString());
        }

        var digest = input.ReadString();
        var folders = Strings(input);
        var extras = Strings(input);
        var warnings = Strings(input);
        var files = new FingerprintFile[input.ReadInt32()];
        for (var i = 0; i < files.Length; i++)
        {
            files[i] = new FingerprintFile(input.ReadString(), new FileStamp(input.ReadInt64(), input.ReadInt64()), input.ReadString());
        }

        return new SolutionFingerprint(inputs, digest, folders, extras, warnings, files);
    }

    private static void Strings(BinaryWriter output, IReadOnlyList<string> values)
    {
        output.Write(values.Count);
        foreach (var value in values)
        {
            output.Write(value);
        }
    }

    private static string[] Strings(BinaryReader input)
    {
        var values = new string[input.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = input.ReadString();
        }

        return values;
    }
}

/// <summary>The options as JSON, source-generated: every property, without reflection at run time.</summary>
[JsonSerializable(typeof(PackOptions))]
internal sealed partial class OptionsJsonContext : JsonSerializerContext;

using Packer.Core;
using System.Text.Json;
using Packer.Core.Bundle;
using Packer.Core.Manifest;
using Packer.Core.Output;
using Packer.Core.Redaction;
using Packer.Agents.Session;
using Packer.Core.Slicing;
using Packer.Core.Text;
using Packer.Core.Tokenization;

namespace Packer.Agents.Server;

/// <summary>Finds a written bundle and its manifest, and reads slices of it for <c>read_bundle</c>.</summary>
internal static class BundleFiles
{
    /// <summary>The largest bundle read: no cap this tool packs to makes a larger one.</summary>
    public const long MaxBundleBytes = 256L * 1024 * 1024;

    /// <summary>The manifest beside a bundle: <c>NAME.manifest.json</c> for <c>NAME.xml</c> (or .md, .json, .anthropic.json).</summary>
    public static string ManifestOf(string bundle)
    {
        var name = Path.GetFileName(bundle);
        var extension = StateFolder.Extensions.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal));
        var stem = extension is null ? Path.GetFileNameWithoutExtension(name) : name[..^extension.Length];
        return Path.Combine(Path.GetDirectoryName(bundle)!, stem + ".manifest.json");
    }

    /// <summary>A repository-relative path as a caller may spell it (<c>./src\A.cs</c>) as the manifest spells it (<c>src/A.cs</c>).</summary>
    public static string Normalized(string path)
    {
        var slashed = path.Trim().Replace('\\', '/');
        while (slashed.StartsWith("./", StringComparison.Ordinal))
        {
            slashed = slashed[2..];
        }

        return slashed;
    }

    /// <summary>Finds a bundle by the id pack_context gave it, or by its path.</summary>
    /// <param name="bundle">The id or the path.</param>
    /// <param name="bundleDirectory">Where the ids are.</param>
    /// <param name="workingDirectory">What a relative path is relative to.</param>
    /// <param name="readable">The folders a bundle may be read from (the state folder, the repository), links followed.</param>
    /// <exception cref="UsageException">There is no such bundle, or it lies outside those folders.</exception>
    public static string Find(string bundle, string bundleDirectory, string workingDirectory, IReadOnlyList<string> readable)
    {
        if (string.IsNullOrWhiteSpace(bundle))
        {
            throw new UsageException("bundle is required: a bundle id from pack_context, or the path of a bundle file.");
        }

        var byId = StateFolder.Extensions.Select(e => Path.Combine(bundleDirectory, bundle.Trim() + e)).FirstOrDefault(File.Exists);
        var path = byId ?? Path.GetFullPath(bundle.Trim(), workingDirectory);
        if (!File.Exists(path))
        {
            throw new UsageException($"no bundle '{bundle}': give an id that pack_context returned, or the path of a bundle file (e.g. .packer/context.xml).");
        }

        // Only what this tool wrote in this repository or its state folder is read back, never through a link:
        // read_bundle is not a way to read any file.
        var real = RealPaths.Of(path);
        if (!readable.Any(folder => RepoPath.Relative(RealPaths.Of(folder), real) is not null))
        {
            throw new UsageException($"{path} lies outside the repository and the state folder ({string.Join(", ", readable.Distinct())}); read_bundle reads only bundles there.");
        }

        var manifest = ManifestOf(path);
        if (PathKinds.Of(path) != PathKind.File || PathKinds.Of(manifest) != PathKind.File || !OutputGuard.IsOurs(path, OutputKind.Bundle) || !OutputGuard.IsOurs(manifest, OutputKind.Manifest))
        {
            throw new UsageException($"{path} is not a bundle this tool wrote whole, with its manifest ({Path.GetFileName(manifest)}) beside it (parts cannot be read this way).");
        }

        return path;
    }

    /// <summary>Reads one file's blocks, a token range, or the whole bundle, within the inline limit.</summary>
    /// <param name="path">The bundle (found by <see cref="Find"/>).</param>
    /// <param name="file">A file whose blocks to return.</param>
    /// <param name="tokenStart">The first token of a range.</param>
    /// <param name="tokenEnd">The token after the range.</param>
    /// <param name="limit">The largest slice returned, in tokens.</param>
    /// <param name="redactor">Redacts a slice of a bundle that was written with redaction off (the server's setting decides what the model sees).</param>
    public static string Read(string path, string? file, int? tokenStart, int? tokenEnd, int limit, SecretRedactor redactor)
    {
        var text = BoundedFile.ReadAllText(path, MaxBundleBytes);
        var manifest = ReadManifest(ManifestOf(path));
        var counter = TokenCounter.Create(manifest.Tokenizer);
        string slice;
        if (file is not null)
        {
            if (tokenStart is not null || tokenEnd is not null)
            {
                throw new UsageException("give either a file or a token range, not both.");
            }

            var relative = Normalized(file);
            slice = BundleSlice.OfFile(text, manifest.Format, relative)
                ?? throw new UsageException(
                    $"the bundle holds no block of {file}. It holds: {string.Join(", ", manifest.Placed().Where(f => f.HasContent()).Select(f => f.Path).Take(20))}{(manifest.Placed().Count(f => f.HasContent()) > 20 ? ", …" : string.Empty)}.");
        }
        else if (tokenStart is not null || tokenEnd is not null)
        {
            var (start, end) = (tokenStart ?? 0, tokenEnd ?? manifest.TotalTokens);
            if (start < 0 || end <= start || start >= manifest.TotalTokens)
            {
                throw new UsageException($"the token range must satisfy 0 <= tokenStart < tokenEnd, tokenStart < {manifest.TotalTokens} (the bundle's tokens); got [{start}, {end}).");
            }

            slice = BundleSlice.OfTokens(text, start, Math.Min(end, manifest.TotalTokens), counter);
        }
        else
        {
            slice = text;
        }

        if (manifest.Redaction is null or "off")
        {
            slice = redactor.Redact("bundle", slice).Text;
        }

        var tokens = counter.Count(slice);
        return tokens <= limit
            ? slice
            : throw new UsageException(
                $"that is {tokens:N0} tokens, over the limit of {limit:N0}. Ask for a file, or a token range; the segments are {string.Join(", ", manifest.Segments.Select(s => $"{Names.Of(s.Kind)} [{s.TokenStart}, {s.TokenEnd})"))}.");
    }

    private static ManifestDocument ReadManifest(string path)
    {
        try
        {
            return ManifestJson.Read(BoundedFile.ReadAllBytes(path, PreviousManifest.MaxBytes));
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not a manifest this version of the tool wrote ({e.Message}); pack the bundle again.");
        }
    }
}

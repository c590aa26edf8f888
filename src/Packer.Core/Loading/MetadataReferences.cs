using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>
/// Assembly references shared by every solution this process builds. Reading an assembly's metadata is the
/// costly part of binding a few files, and a long-lived process (the MCP server, the tests) builds many
/// solutions over the same reference assemblies; one reference object per file lets them share what was read.
/// Keyed by path, aliases, size and last write time, so an assembly that was rebuilt is read again.
/// </summary>
internal static class MetadataReferences
{
    private static readonly ConcurrentDictionary<(string Path, string Aliases, long Length, DateTime Written), MetadataReference> Cache = new();

    /// <summary>The reference to an assembly file, with extern aliases (none for global).</summary>
    public static MetadataReference FromFile(string path, IReadOnlyList<string> aliases)
    {
        var file = new FileInfo(path);
        var key = (path, string.Join(',', aliases), file.Length, file.LastWriteTimeUtc);
        return Cache.GetOrAdd(key, _ => MetadataReference.CreateFromFile(path, new MetadataReferenceProperties(aliases: [.. aliases])));
    }
}

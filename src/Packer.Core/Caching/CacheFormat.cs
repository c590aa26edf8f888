using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Loading;

namespace Packer.Core.Caching;

/// <summary>
/// The cache file: a magic number and format version, a table of distinct strings, the body (strings as
/// table indexes), and a SHA-256 of all that. A file that is truncated, altered, or from another format
/// version fails to read with <see cref="InvalidDataException"/>; it is then rebuilt, never trusted.
/// </summary>
internal static class CacheFormat
{
    private const int Magic = 0x58434B50; // "PKCX"
    private const int Version = 12;

    public static byte[] Write(AnalysisCache cache)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        using var body = new MemoryStream();
        using (var writer = new Writer(new BinaryWriter(body, Encoding.UTF8, leaveOpen: true), strings))
        {
            writer.Cache(cache);
        }

        using var file = new MemoryStream();
        using (var output = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            output.Write(Magic);
            output.Write(Version);
            output.Write7BitEncodedInt(strings.Count);
            foreach (var text in strings.Keys)
            {
                output.Write(text);
            }

            output.Write(body.GetBuffer(), 0, (int)body.Length);
        }

        return SealedBytes.Seal(file);
    }

    public static AnalysisCache Read(byte[] bytes)
    {
        using var input = new BinaryReader(
            SealedBytes.Open(bytes, least: 8) ?? throw new InvalidDataException("checksum mismatch (truncated or altered)"), Encoding.UTF8);
        if (input.ReadInt32() != Magic || input.ReadInt32() != Version)
        {
            throw new InvalidDataException("not a cache file of this format version");
        }

        try
        {
            var strings = new string[input.Read7BitEncodedInt()];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = input.ReadString();
            }

            return new Reader(input, strings).Cache();
        }
        catch (Exception e) when (e is EndOfStreamException or IndexOutOfRangeException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"malformed ({e.GetType().Name})", e);
        }
    }

    private sealed class Writer(BinaryWriter output, Dictionary<string, int> strings) : IDisposable
    {
        public void Cache(AnalysisCache cache)
        {
            String(cache.Settings);
            String(cache.Root);
            List(cache.Inputs.ToList(), kv => { String(kv.Key); String(kv.Value); });
            String(cache.SourceDigest);
            Snapshot(cache.Snapshot);
            List(cache.Files.ToList(), kv =>
            {
                String(kv.Key);
                String(kv.Value.Hash);
                output.Write(kv.Value.Stamp.Size);
                output.Write(kv.Value.Stamp.Modified);
                Syntax(kv.Value.Syntax);
                output.Write(kv.Value.Facts is not null);
                if (kv.Value.Facts is { } facts)
                {
                    List(facts, f => { String(f.Name); String(f.Display); Int(f.Count); Strings(f.DeclaredIn); output.Write(f.IsBase); });
                }
            });
            List(cache.TokenCounts.ToList(), kv => { String(kv.Key); Int(kv.Value); });
            List(cache.Signatures.ToList(), kv => { String(kv.Key); String(kv.Value); });
            NullableString(cache.History?.Head);
            if (cache.History is { } history)
            {
                List(history.LastChange.ToList(), kv => { String(kv.Key); output.Write(kv.Value); });
                List(history.Commits, Strings);
            }
        }

        public void Dispose() => output.Dispose();

        private void Snapshot(SolutionSnapshot snapshot)
        {
            String(snapshot.SolutionPath);
            List(snapshot.Projects, p =>
            {
                String(p.Name);
                String(p.AssemblyName);
                NullableString(p.FilePath);
                Int((int)p.OutputKind);
                output.Write(p.AllowUnsafe);
                Int((int)p.Nullable);
                Int((int)p.LanguageVersion);
                Int((int)p.DocumentationMode);
                NullableString(p.StrongName.KeyFile);
                String(Convert.ToBase64String([.. p.StrongName.PublicKey]));
                output.Write(p.StrongName.PublicSign);
                Int(p.StrongName.DelaySign switch { null => 0, false => 1, true => 2 });
                Strings(p.Symbols);
                Strings(p.Documents);
                List(p.MetadataReferences, r => { String(r.Path); Strings(r.Aliases); });
                List(p.ProjectReferences, r => { Int(r.Project); Strings(r.Aliases); });
                List(p.Generated, g => { String(g.Path); String(g.Text); });
            });
            List(snapshot.Nodes, n => { String(n.Name); String(n.Path); Strings(n.References); });
            List(snapshot.Files, f => { String(f.Path); String(f.Project); Int(f.ProjectIndex); Int(f.DocumentIndex); });
            Strings(snapshot.Warnings);
        }

        private void Syntax(FileSyntax syntax)
        {
            List(syntax.Identifiers.ToList(), kv => { String(kv.Key); Int(kv.Value); });
            Strings(syntax.DeclaredNames);
            Strings(syntax.Types);
            Strings(syntax.Namespaces);
            Int(syntax.Length);
            List(syntax.Words.ToList(), kv => { String(kv.Key); Int(kv.Value); });
            Strings(syntax.Members);
            String(syntax.Shape);
            String(syntax.Code);
        }

        private void List<T>(IReadOnlyCollection<T> items, Action<T> item)
        {
            Int(items.Count);
            foreach (var x in items)
            {
                item(x);
            }
        }

        private void Strings(IReadOnlyList<string> items) => List(items, String);

        private void NullableString(string? text)
        {
            output.Write(text is not null);
            if (text is not null)
            {
                String(text);
            }
        }

        private void String(string text)
        {
            if (!strings.TryGetValue(text, out var index))
            {
                strings[text] = index = strings.Count;
            }

            Int(index);
        }

        private void Int(int value) => output.Write7BitEncodedInt(value);
    }

    private sealed class Reader(BinaryReader input, string[] strings)
    {
        public AnalysisCache Cache()
        {
            var settings = String();
            var root = String();
            var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            Repeat(() => inputs.Add(String(), String()));
            var digest = String();
            var snapshot = Snapshot();
            var files = new Dictionary<string, CachedFile>(StringComparer.Ordinal);
            Repeat(() =>
            {
                var path = String();
                var hash = String();
                var stamp = new FileStamp(input.ReadInt64(), input.ReadInt64());
                var syntax = Syntax(path);
                var facts = input.ReadBoolean()
                    ? List(() => new UsageFact(String(), String(), Int(), Strings(), input.ReadBoolean()))
                    : null;
                files.Add(path, new CachedFile(hash, syntax, facts, stamp));
            });
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            Repeat(() => counts.Add(String(), Int()));
            var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
            Repeat(() => signatures.Add(String(), String()));
            GitLog? history = null;
            if (NullableString() is { } head)
            {
                var lastChange = new Dictionary<string, long>(StringComparer.Ordinal);
                Repeat(() => lastChange.Add(String(), input.ReadInt64()));
                history = new GitLog(head, lastChange, List<IReadOnlyList<string>>(Strings));
            }

            if (input.BaseStream.Position != input.BaseStream.Length)
            {
                throw new InvalidDataException("trailing bytes");
            }

            return new AnalysisCache(settings, root, inputs, digest, snapshot, files, counts, signatures, history);
        }

        private SolutionSnapshot Snapshot()
        {
            var path = String();
            var projects = List(() => new ProjectSnapshot(
                String(), String(), NullableString(), (OutputKind)Int(), input.ReadBoolean(), (NullableContextOptions)Int(),
                (LanguageVersion)Int(), (DocumentationMode)Int(),
                new StrongNameSnapshot(NullableString(), Convert.FromBase64String(String()), input.ReadBoolean(), Int() switch { 0 => null, 1 => false, _ => true }),
                Strings(), Strings(),
                List(() => new ReferenceSnapshot(String(), Strings())),
                List(() => new ProjectReferenceSnapshot(Int(), Strings())),
                List(() => new GeneratedText(String(), String()))));
            var nodes = List(() => new ProjectNode(String(), String(), Strings()));
            var files = List(() => new FileSnapshot(String(), String(), Int(), Int()));
            return new SolutionSnapshot(path, projects, nodes, files, Strings());
        }

        private FileSyntax Syntax(string path)
        {
            var identifiers = Counts();
            return new FileSyntax(path, identifiers, Strings(), Strings(), Strings(), Int()) { Words = Counts(), Members = Strings(), Shape = String(), Code = String() };
        }

        private NameCounts Counts()
        {
            var names = new string[Int()];
            var counts = new int[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = String();
                counts[i] = Int();
            }

            return NameCounts.FromSorted(names, counts);
        }

        private void Repeat(Action item)
        {
            for (var count = Int(); count > 0; count--)
            {
                item();
            }
        }

        private List<T> List<T>(Func<T> item)
        {
            var count = Int();
            var list = new List<T>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add(item());
            }

            return list;
        }

        private List<string> Strings() => List(String);

        private string? NullableString() => input.ReadBoolean() ? String() : null;

        private string String() => strings[Int()];

        private int Int() => input.Read7BitEncodedInt();
    }
}

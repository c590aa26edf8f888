using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Graph;

/// <summary>
/// A solution-wide index built from syntax only: which file mentions which name, and which file declares
/// which type. It finds the files that can possibly reference a given file without binding any of them,
/// and it gives each name a document frequency, so that common names weigh less.
/// </summary>
internal sealed class SyntaxIndex
{
    private readonly Dictionary<string, FileSyntax> files;
    private readonly Dictionary<string, List<string>> filesMentioning;
    private readonly Dictionary<string, List<string>> filesDeclaringType;
    private readonly IReadOnlyDictionary<string, string> projects;

    /// <summary>Indexes files' syntax facts.</summary>
    /// <param name="syntaxes">The files' facts.</param>
    /// <param name="projects">Each file's project; parts of one partial type lie in one project (absent: all in one).</param>
    public SyntaxIndex(IEnumerable<FileSyntax> syntaxes, IReadOnlyDictionary<string, string>? projects = null)
    {
        this.projects = projects ?? new Dictionary<string, string>(StringComparer.Ordinal);
        files = syntaxes.ToDictionary(s => s.Path, StringComparer.Ordinal);
        filesMentioning = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        filesDeclaringType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var identifier in file.Identifiers.Keys)
            {
                Add(filesMentioning, identifier, file.Path);
            }

            foreach (var type in file.Types)
            {
                Add(filesDeclaringType, type, file.Path);
            }
        }
    }

    /// <summary>Gets the number of indexed C# files.</summary>
    public int Count => files.Count;

    /// <summary>Gets every indexed file's facts, in path order.</summary>
    public IEnumerable<FileSyntax> Files => files.Values.OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>Gets the full names of all declared types with the files declaring them (several for partial types).</summary>
    public IReadOnlyDictionary<string, List<string>> TypeDeclarations => filesDeclaringType;

    /// <summary>Builds the index from every C# file of a loaded solution, parsing only the files not already known.</summary>
    /// <param name="loaded">The solution.</param>
    /// <param name="known">Syntax facts of unchanged files, from the cache.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task<SyntaxIndex> BuildAsync(LoadedSolution loaded, IReadOnlyDictionary<string, FileSyntax> known, CancellationToken cancellationToken)
    {
        // Files are parsed on all cores; the index is assembled in path order, so the result does not depend on timing.
        var files = loaded.Files.Where(f => f.IsCSharp).ToList();
        var syntaxes = new FileSyntax?[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, token) =>
        {
            if (!known.TryGetValue(files[i].Path, out var syntax))
            {
                var document = files[i].Document!;
                if (Migrations.Is(files[i].Path))
                {
                    syntax = FileSyntax.Unread(files[i].Path, ShownLength.Of(await loaded.TextAsync(document, token).ConfigureAwait(false)));
                }
                else
                {
                    var root = await loaded.SyntaxRootAsync(document, token).ConfigureAwait(false);
                    syntax = root is null ? null : DeclarationReader.Read(files[i].Path, root);
                }
            }

            syntaxes[i] = syntax;
        }).ConfigureAwait(false);
        return new SyntaxIndex(syntaxes.OfType<FileSyntax>(), files.ToDictionary(f => f.Path, f => f.Project, StringComparer.Ordinal));
    }

    /// <summary>Gets the syntax facts of one file, or null when it is not an indexed C# file.</summary>
    public FileSyntax? this[string path] => files.GetValueOrDefault(path);

    /// <summary>Gets how many files spell a name; 0 for unknown names.</summary>
    public int DocumentFrequency(string name) => filesMentioning.TryGetValue(name, out var list) ? list.Count : 0;

    /// <summary>Lists the files that spell a name, sorted by path; empty for unknown names.</summary>
    public IReadOnlyList<string> FilesMentioning(string name) => filesMentioning.TryGetValue(name, out var list) ? list : [];

    /// <summary>How much a use of <paramref name="name"/> says about two files belonging together: rare names say more.</summary>
    public double Specificity(string name) => Math.Log(1.0 + ((double)Count / Math.Max(1, DocumentFrequency(name))));

    /// <summary>Lists the files, other than <paramref name="path"/>, that spell any name it declares, sorted.</summary>
    public IReadOnlyList<string> PossibleReferrers(string path)
    {
        if (!files.TryGetValue(path, out var file))
        {
            return [];
        }

        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in file.DeclaredNames)
        {
            if (filesMentioning.TryGetValue(name, out var mentioning))
            {
                result.UnionWith(mentioning);
            }
        }

        result.Remove(path);
        return [.. result];
    }

    /// <summary>
    /// Lists the other files of its project that declare parts of the same types as <paramref name="path"/>, sorted.
    /// A type of the same full name in another project is another type (each project's own static
    /// <c>DependencyInjection</c> class, say): parts of a partial type are compiled together.
    /// </summary>
    public IReadOnlyList<string> PartialSiblings(string path)
    {
        if (!files.TryGetValue(path, out var file))
        {
            return [];
        }

        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in file.Types)
        {
            result.UnionWith(filesDeclaringType[type].Where(other => SameProject(path, other)));
        }

        result.Remove(path);
        return [.. result];
    }

    private bool SameProject(string path, string other) =>
        projects.GetValueOrDefault(path, string.Empty) == projects.GetValueOrDefault(other, string.Empty);

    private static void Add(Dictionary<string, List<string>> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(path);
    }
}

using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Graph;

/// <summary>
/// Binds one file at a time with Roslyn's semantic model and records which solution files declare the
/// types and members it uses: base types, interfaces, attributes, generic arguments, object creation,
/// member access and extension methods all appear as names that bind to a symbol. Results are memoized,
/// so a file is bound at most once per run, and facts known from an earlier run are not bound again.
/// </summary>
/// <param name="loaded">The solution whose files are bound.</param>
/// <param name="index">The syntax index that weighs names by rarity.</param>
/// <param name="known">Facts still valid from an earlier run, by file; those files are not bound.</param>
internal sealed class UsageCollector(LoadedSolution loaded, SyntaxIndex index, IReadOnlyDictionary<string, IReadOnlyList<UsageFact>> known)
{
    private readonly Dictionary<string, SourceFile> filesByPath = loaded.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> pathsByTree = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<UsageFact>>> binding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Usage>> memo = new(StringComparer.Ordinal);

    /// <summary>Gets what each file asked for so far uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Usage>> Used => memo;

    /// <summary>Gets the facts of the files bound in this run (not those known before), for the cache.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<UsageFact>> Bound =>
        binding.Where(b => b.Value.IsCompletedSuccessfully).ToDictionary(b => b.Key, b => b.Value.Result, StringComparer.Ordinal);

    /// <summary>Lists the files that <paramref name="path"/> uses, sorted by path.</summary>
    public async Task<IReadOnlyList<Usage>> UsesOfAsync(string path, CancellationToken cancellationToken)
    {
        if (memo.TryGetValue(path, out var weighed))
        {
            return weighed;
        }

        var usages = Weigh(await FactsAsync(path, cancellationToken).ConfigureAwait(false));
        memo[path] = usages;
        return usages;
    }

    /// <summary>
    /// Binds files that will be asked for soon, on all cores. Only facts are made here; the weighed
    /// results are still made in the order they are asked for, so the outcome does not depend on timing.
    /// </summary>
    public Task PrefetchAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(paths.Distinct(StringComparer.Ordinal), parallel, async (path, token) => await FactsAsync(path, token).ConfigureAwait(false));
    }

    private async Task<IReadOnlyList<UsageFact>> FactsAsync(string path, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(path, out var facts))
        {
            return facts;
        }

        return await binding.GetOrAdd(path, p => Task.Run(
            async () => filesByPath.TryGetValue(p, out var file) && file.IsCSharp ? await BindAsync(file, cancellationToken).ConfigureAwait(false) : [],
            cancellationToken)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<UsageFact>> BindAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var document = loaded.Solution.GetDocument(file.Document)!;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return [];
        }

        var counts = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        var bases = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var node in root.DescendantNodes())
        {
            if (node is SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var info = model.GetSymbolInfo(node, cancellationToken);
                var symbol = Declared(info.Symbol ?? info.CandidateSymbols.FirstOrDefault());
                if (symbol is not null)
                {
                    counts[symbol] = counts.GetValueOrDefault(symbol) + 1;
                    if (IsBaseType(node))
                    {
                        bases.Add(symbol);
                    }
                }
            }
        }

        // In the order of first use, which the weighing below depends on (sums and ties).
        return counts
            .Select(c => new UsageFact(
                c.Key.Name, DisplayName(c.Key), c.Value, DeclaringFiles(c.Key).Where(p => p != file.Path).Distinct(StringComparer.Ordinal).ToList(), bases.Contains(c.Key)))
            .Where(f => f.DeclaredIn.Count > 0)
            .ToList();
    }

    // Turns facts into one weighted use per declaring file; a rare name weighs more than a common one.
    private List<Usage> Weigh(IReadOnlyList<UsageFact> facts)
    {
        var byFile = new Dictionary<string, (double Weight, string Symbol, double Best)>(StringComparer.Ordinal);
        var implemented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (fact.IsBase)
            {
                implemented.UnionWith(fact.DeclaredIn);
            }

            var name = fact.Display;
            var weight = (1.0 + Math.Log(fact.Count)) * index.Specificity(fact.Name) / fact.DeclaredIn.Count;
            foreach (var to in fact.DeclaredIn)
            {
                var (total, top, best) = byFile.GetValueOrDefault(to, (0.0, name, double.MinValue));
                var better = weight > best || (weight == best && string.CompareOrdinal(name, top) < 0);
                byFile[to] = (total + weight, better ? name : top, better ? weight : best);
            }
        }

        return byFile
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new Usage(kv.Key, kv.Value.Weight, kv.Value.Symbol, implemented.Contains(kv.Key)))
            .ToList();
    }

    // The name of a base type or implemented interface in a type's base list (not a type argument inside it).
    private static bool IsBaseType(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
        {
            current = current.Parent;
        }

        return current.Parent is BaseTypeSyntax;
    }

    // Where a symbol is declared: its source locations, or, for a symbol that reached this compilation as
    // metadata (a project referenced through its built assembly, or as a skeleton), the files of the
    // solution that declare its type under the same full name.
    private IEnumerable<string> DeclaringFiles(ISymbol symbol)
    {
        var inSource = symbol.Locations.Where(l => l.IsInSource).Select(l => PathOf(l.SourceTree!)).OfType<string>().ToList();
        if (inSource.Count > 0 || symbol.Locations.Any(l => l.IsInSource))
        {
            return inSource;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        return type is not null && index.TypeDeclarations.TryGetValue(FullName(type), out var files) ? files : [];
    }

    private static string FullName(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "." + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    private static ISymbol? Declared(ISymbol? symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } extension })
        {
            symbol = extension;
        }

        symbol = symbol?.OriginalDefinition;
        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true } ctor => ctor.ContainingType,
            INamedTypeSymbol or IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol,
            _ => null,
        };
    }

    private static string DisplayName(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => type.Name,
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => ctor.ContainingType.Name,
        _ when symbol.ContainingType is { } owner => owner.Name + "." + symbol.Name,
        _ => symbol.Name,
    };

    private string? PathOf(SyntaxTree tree) =>
        pathsByTree.GetOrAdd(tree.FilePath, filePath => RepoPath.Relative(loaded.Root, filePath) is { } path && filesByPath.ContainsKey(path) ? path : null);
}

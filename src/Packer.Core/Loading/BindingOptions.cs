using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Packer.Core.Loading;

/// <summary>
/// How the solution is parsed for binding. The graph asks the semantic model only which symbol each name binds
/// to, which nullable analysis never changes; but where a project enables nullable reference types, every method
/// body the model binds is also run through Roslyn's nullable flow analysis, which was two thirds of binding
/// time (spectre.console: 21 s of graph with it, 12 s without). The compiler's feature flag turns it off. And
/// source generators are not run: their output is no file of the repository, a run from the cache (which
/// rebuilds projects without analyzers) never ran them, and running them took most of what was left (9 s of
/// spectre.console's 12). Nor are .editorconfig and .globalconfig files read: asking whether a tree is generated
/// code (which the binder does for every name it binds in a nullable context) made Roslyn read and parse them
/// for every tree, 4 s of spectre.console's graph; the graph needs no option they set, and a run from the cache
/// never had them.
/// </summary>
internal static class BindingOptions
{
    private static readonly KeyValuePair<string, string> NoNullableAnalysis = new("run-nullable-analysis", "never");

    /// <summary>The parse options with nullable analysis turned off.</summary>
    public static CSharpParseOptions ForBinding(this CSharpParseOptions options) =>
        options.WithFeatures([.. options.Features.Where(f => f.Key != NoNullableAnalysis.Key), NoNullableAnalysis]);

    /// <summary>The solution with every C# project made for binding: nullable analysis off, no analyzers, source generators or analyzer config files.</summary>
    public static Solution ForBinding(Solution solution)
    {
        foreach (var project in solution.Projects)
        {
            if (project.ParseOptions is CSharpParseOptions parse)
            {
                solution = solution.WithProjectParseOptions(project.Id, parse.ForBinding())
                    .WithProjectAnalyzerReferences(project.Id, [])
                    .RemoveAnalyzerConfigDocuments([.. project.AnalyzerConfigDocuments.Select(d => d.Id)]);
            }
        }

        return solution;
    }
}

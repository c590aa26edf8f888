using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>The first stage's output: a solution as Roslyn sees it, and the files a bundle can hold.</summary>
/// <param name="Root">Absolute folder that every output path is relative to.</param>
/// <param name="SolutionPath">Repository-relative path of the loaded .sln, .slnx or .csproj.</param>
/// <param name="LazySolution">Roslyn's solution, built on first use (a warm run from the cache may never need it).</param>
/// <param name="Files">Every file that can go into the bundle, sorted by path.</param>
/// <param name="Projects">The loaded C# projects, sorted by name.</param>
/// <param name="Warnings">What did not load, in order.</param>
public sealed record LoadedSolution(
    string Root,
    string SolutionPath,
    Lazy<Solution> LazySolution,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<ProjectNode> Projects,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Gets Roslyn's solution snapshot, building it if this is its first use.</summary>
    public Solution Solution => LazySolution.Value;

    /// <summary>Returns a copy that holds another solution snapshot.</summary>
    public LoadedSolution WithSolution(Solution solution) => this with { LazySolution = new Lazy<Solution>(() => solution) };
}

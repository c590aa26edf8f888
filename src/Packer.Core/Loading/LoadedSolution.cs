using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>The first stage's output: a solution as Roslyn sees it, and the files a bundle can hold.</summary>
/// <param name="Root">Absolute folder that every output path is relative to.</param>
/// <param name="SolutionPath">Repository-relative path of the loaded .sln, .slnx or .csproj.</param>
/// <param name="Solution">Roslyn's solution snapshot.</param>
/// <param name="Files">Every file that can go into the bundle, sorted by path.</param>
/// <param name="Projects">The loaded C# projects, sorted by name.</param>
/// <param name="Warnings">What did not load, in order.</param>
public sealed record LoadedSolution(
    string Root,
    string SolutionPath,
    Solution Solution,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<ProjectNode> Projects,
    IReadOnlyList<string> Warnings);

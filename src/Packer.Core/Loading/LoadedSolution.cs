using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>
    /// Gets what reads one file's text as its document would, without Roslyn's solution (which costs a workspace and
    /// every project's references to build, a third of a second on 450 files): set when the solution is rebuilt from
    /// the cache, where a warm run after an edit may have nothing to bind and so no other use for it. It gives null
    /// for a document it does not know or a file it cannot read, which the solution then reads (and reports) as ever.
    /// </summary>
    public Func<DocumentId, CancellationToken, Task<DocumentSource?>>? ReadDocument { get; init; }

    /// <summary>Gets a C# file's syntax root: from Roslyn's solution once that exists, else parsed from its text alone, with its project's options.</summary>
    public async Task<SyntaxNode?> SyntaxRootAsync(DocumentId document, CancellationToken cancellationToken) =>
        await SourceAsync(document, cancellationToken).ConfigureAwait(false) is { } source
            ? await CSharpSyntaxTree.ParseText(source.Text, source.Options, source.FilePath, cancellationToken).GetRootAsync(cancellationToken).ConfigureAwait(false)
            : await Solution.GetDocument(document)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Gets a C# file's text: from Roslyn's solution once that exists, else as its document would read it.</summary>
    public async Task<SourceText> TextAsync(DocumentId document, CancellationToken cancellationToken) =>
        (await SourceAsync(document, cancellationToken).ConfigureAwait(false))?.Text
        ?? await Solution.GetDocument(document)!.GetTextAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Returns a copy that holds another solution snapshot.</summary>
    public LoadedSolution WithSolution(Solution solution) => this with { LazySolution = new Lazy<Solution>(() => solution), ReadDocument = null };

    private Task<DocumentSource?> SourceAsync(DocumentId document, CancellationToken cancellationToken) =>
        LazySolution.IsValueCreated || ReadDocument is null ? Task.FromResult<DocumentSource?>(null) : ReadDocument(document, cancellationToken);
}

/// <summary>A document's text as its loader reads it, with what its project parses it with.</summary>
/// <param name="Text">The text.</param>
/// <param name="Options">The project's parse options.</param>
/// <param name="FilePath">The document's absolute path.</param>
public sealed record DocumentSource(SourceText Text, CSharpParseOptions Options, string FilePath);

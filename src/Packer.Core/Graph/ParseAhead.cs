using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Graph;

/// <summary>
/// Reads the solution's C# files into the index's facts while MSBuild loads it. A cold load spends seconds in
/// Roslyn's BuildHost, which evaluates one project at a time on one core (bitwarden/server: 6 s for the target's
/// 27 projects), while this process waits; the index then parses every file. Here the files the project files
/// compile are parsed on the other cores during the load, with the options their projects will most likely have:
/// the language version the SDK gives its newest framework; in a large solution only the projects outside the focus
/// are read, which are read from their files, with the options that reading gives. After the load, a file's facts are kept only where
/// they are what the index would have read: its project parses with the same language version, documentation
/// mode and features (and, for a file with conditional directives, the same symbols), and the file has not
/// changed since. The rest are read by the index as before, so the facts, and the bundle, do not depend on how
/// far this got.
/// </summary>
internal sealed class ParseAhead
{
    // A file larger than this is left to the index (which reads the few it must from its document).
    private const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Features that only binding reads: a project that sets them parses as one that does not.
    private static readonly HashSet<string> BindingFeatures = ["run-nullable-analysis", "InterceptorsNamespaces", "InterceptorsPreviewNamespaces"];

    private readonly CancellationTokenSource stop;
    private readonly Task<List<Read>> reading;

    private ParseAhead(CancellationTokenSource stop, Task<List<Read>> reading)
    {
        this.stop = stop;
        this.reading = reading;
    }

    /// <summary>
    /// The options most projects built by an SDK parse with: the language version of its own newest framework (C# is
    /// .NET's version plus 4 since .NET 5: SDK 10 gives C# 14), documentation comments parsed.
    /// </summary>
    /// <param name="sdkFolder">The SDK's folder (<c>sdk/10.0.401/</c>); null: the compiler's default version.</param>
    public static CSharpParseOptions OptionsFor(string? sdkFolder)
    {
        var name = sdkFolder is null ? null : Path.GetFileName(sdkFolder.TrimEnd('/', '\\'));
        var version = Version.TryParse(name?.Split('-')[0], out var sdk) && sdk.Major >= 5 && Enum.IsDefined((LanguageVersion)((sdk.Major + 4) * 100))
            ? (LanguageVersion)((sdk.Major + 4) * 100)
            : LanguageVersion.Default;
        return new CSharpParseOptions(version, DocumentationMode.Parse, SourceCodeKind.Regular);
    }

    /// <summary>Starts reading the files the projects compile (read from their project files), on all cores but one.</summary>
    /// <param name="root">The repository root, which facts are keyed below.</param>
    /// <param name="solutionPath">The solution, whose C# projects' files are read.</param>
    /// <param name="focus">The projects MSBuild evaluates, when not all of them.</param>
    /// <param name="evaluated">The options to parse the files of a project MSBuild evaluates with (<see cref="OptionsFor"/>); a project
    /// outside the focus is read from its file, with the options that gives (<see cref="ProjectFileReader.ParseOptions"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static ParseAhead Start(string root, string solutionPath, IReadOnlySet<string>? focus, CSharpParseOptions evaluated, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var reading = Task.Run(
            async () =>
            {
                var reads = new List<Read>();
                try
                {
                    // Every project's files (the index reads the whole solution); in a large solution only those of the
                    // projects outside the focus, whose options are known. The focus's files are the ones binding parses
                    // again (a file target binds its neighbourhood): reading them here too made a cold file target on
                    // bitwarden/server cost 11% more CPU for no time.
                    var listed = (await ProjectFileReader.ProjectPathsAsync(solutionPath, token).ConfigureAwait(false)).Where(ProjectFileReader.IsCSharpProjectFile);
                    var realPaths = new RealPaths(root);
                    var files = listed
                        .Where(p => focus is null || !focus.Contains(p))
                        .Select(p => (Project: p, Options: focus is null ? evaluated : ProjectFileReader.ParseOptions))
                        .SelectMany(p => ProjectFileReader.CompileFiles(p.Project).Select(f => (Absolute: f, Path: RepoPath.Relative(root, f), p.Options)))
                        .Where(f => f.Path is not null && !Migrations.Is(f.Path) && !WorkspaceLoader.IsBuildOutput(f.Path))
                        .DistinctBy(f => f.Path, StringComparer.Ordinal)
                        .Where(f => !realPaths.LeavesRoot(f.Absolute)) // nothing outside the repository is read, through a link either
                        .ToList();
                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1), CancellationToken = token };
                    Parallel.ForEach(files, parallel, file =>
                    {
                        if (TryRead(file.Absolute, file.Path!, file.Options) is { } read)
                        {
                            lock (reads)
                            {
                                reads.Add(read);
                            }
                        }
                    });
                }
                catch (Exception e) when (e is OperationCanceledException || FileAccessException.Covers(e) || e is LoadException)
                {
                    // The load is done (or failed, and says why), or the run was cancelled: what was read so far is kept.
                }

                return reads;
            },
            CancellationToken.None);
        return new ParseAhead(stop, reading);
    }

    /// <summary>Waits until every file is read (a test's way to have them all before the load ends); returns how many were.</summary>
    internal async Task<int> WhenReadAsync() => (await reading.ConfigureAwait(false)).Count;

    /// <summary>Stops reading, when the load failed: nothing read is needed.</summary>
    public void Cancel() => stop.Cancel();

    /// <summary>Stops reading; returns the facts read that the index would read the same, by repository path.</summary>
    /// <param name="loaded">The loaded solution.</param>
    public async Task<IReadOnlyDictionary<string, FileSyntax>> FinishAsync(LoadedSolution loaded)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        var reads = await reading.ConfigureAwait(false);
        stop.Dispose();
        var documents = loaded.Files.Where(f => f.Document is not null).ToDictionary(f => f.Path, f => f.Document!, StringComparer.Ordinal);
        var kept = new Dictionary<string, FileSyntax>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            if (documents.TryGetValue(read.Syntax.Path, out var id) && loaded.Solution.GetDocument(id) is { } document
                && document.FilePath == read.Absolute && document.Project.ParseOptions is CSharpParseOptions project
                && SameParse(project, read.Options, read.Conditional) && Unchanged(read))
            {
                kept[read.Syntax.Path] = read.Syntax;
            }
        }

        return kept;
    }

    /// <summary>
    /// Whether a project's options parse a file as the options it was read with did. Documentation comments are the
    /// same trees whether they are parsed or diagnosed too (only diagnostics differ); symbols matter only to a file
    /// that tests or defines them; features that only binding reads do not matter.
    /// </summary>
    internal static bool SameParse(CSharpParseOptions project, CSharpParseOptions here, bool conditional) =>
        project.LanguageVersion == here.LanguageVersion && project.Kind == here.Kind
        && (project.DocumentationMode == here.DocumentationMode || (project.DocumentationMode >= DocumentationMode.Parse && here.DocumentationMode >= DocumentationMode.Parse))
        && !project.Features.Keys.Concat(here.Features.Keys).Any(k => !BindingFeatures.Contains(k))
        && (!conditional || project.PreprocessorSymbolNames.SequenceEqual(here.PreprocessorSymbolNames));

    private static bool Unchanged(Read read)
    {
        var file = new FileInfo(read.Absolute);
        return file.Exists && file.Length == read.Length && file.LastWriteTimeUtc == read.Written;
    }

    // A file as its document would read it (ASCII, or UTF-8 with a byte order mark; anything else is left to the
    // index), parsed, and read into its facts; null when it cannot be.
    private static Read? TryRead(string absolute, string path, CSharpParseOptions options)
    {
        try
        {
            // A regular file only: a named pipe, a device or a link is left to the index (a pipe would block its reader).
            var file = new FileInfo(absolute);
            if (PathKinds.Of(absolute) != PathKind.File || file.Length > MaxBytes)
            {
                return null;
            }

            var (length, written) = (file.Length, file.LastWriteTimeUtc);
            if (BoundedFile.TryReadAllBytes(absolute, MaxBytes) is not { } bytes)
            {
                return null;
            }

            // With a UTF-8 byte order mark, or in ASCII, every project's loader reads the same text; other bytes it
            // may read in the project's code page.
            var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            if (bom == 0 && !System.Text.Ascii.IsValid(bytes))
            {
                return null;
            }

            var text = SourceText.From(StrictUtf8.GetString(bytes, bom, bytes.Length - bom), Encoding.UTF8);
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, options, absolute).GetRoot();
            var conditional = root.ContainsDirectives && root.GetFirstDirective(d => d is ConditionalDirectiveTriviaSyntax or DefineDirectiveTriviaSyntax or UndefDirectiveTriviaSyntax) is not null;
            return new Read(absolute, options, DeclarationReader.Read(path, root), length, written, conditional);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever keeps a file from being read here (not UTF-8, unreadable, gone) leaves it to the index, which
            // reads it as it always has, and reports what it must.
            return null;
        }
    }

    private sealed record Read(string Absolute, CSharpParseOptions Options, FileSyntax Syntax, long Length, DateTime Written, bool Conditional);
}

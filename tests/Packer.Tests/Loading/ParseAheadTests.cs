using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Loading;

/// <summary>The index's facts read while MSBuild loads the solution (<see cref="ParseAhead"/>), against those the index reads after it.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class ParseAheadTests
{
    [Fact]
    public async Task The_facts_kept_from_the_load_are_those_the_index_reads_and_a_file_edited_since_is_read_again()
    {
        // Given a copy of its own (one file is edited) whose files are read before the load ends
        var root = Fixtures.Copy("Shop");
        var solutionPath = Path.Combine(root, "Shop.sln");
        var loading = WorkspaceLoader.LoadAsync(solutionPath, new FileFilter([], []), CancellationToken.None);
        var ahead = ParseAhead.Start(root, solutionPath, focus: null, ParseAhead.OptionsFor(MsBuildRegistration.RegisteredPath), CancellationToken.None);
        await ahead.WhenReadAsync();
        const string edited = "src/Shop.Domain/Orders/Money.cs";
        File.AppendAllText(Path.Combine(root, edited), "// an edit after it was read\n");
        File.SetLastWriteTimeUtc(Path.Combine(root, edited), DateTime.UtcNow.AddMinutes(1));

        // When the load ends
        var loaded = await loading;
        var kept = await ahead.FinishAsync(loaded);

        // Then most files are kept, the edited one is not, and each kept file's facts are the index's own
        var files = loaded.Files.Where(f => f.IsCSharp && f.Document is not null).ToList();
        Assert.True(kept.Count >= files.Count / 2, $"{kept.Count} of {files.Count} kept");
        Assert.DoesNotContain(edited, kept.Keys);
        foreach (var (path, facts) in kept)
        {
            var document = files.Single(f => f.Path == path).Document!;
            var read = DeclarationReader.Read(path, (await loaded.SyntaxRootAsync(document, CancellationToken.None))!);
            Assert.Equal(Describe(read), Describe(facts));
        }

        // And when read for a focus, as the projects outside it would be read from their files (in the newest language),
        // none of theirs is kept where MSBuild evaluated those projects (in C# 14)
        var focused = ParseAhead.Start(root, solutionPath, new HashSet<string> { Path.Combine(root, "src", "Shop.Domain", "Shop.Domain.csproj") }, ParseAhead.OptionsFor(MsBuildRegistration.RegisteredPath), CancellationToken.None);
        Assert.InRange(await focused.WhenReadAsync(), 1, files.Count - 1);
        Assert.Empty(await focused.FinishAsync(loaded));
    }

    [Fact]
    public void A_project_parses_a_file_as_it_was_read_only_with_the_same_language_and_for_a_file_that_tests_symbols_the_same_symbols()
    {
        var read = new CSharpParseOptions(LanguageVersion.CSharp14, DocumentationMode.Parse, preprocessorSymbols: ["NET"]);

        Assert.True(ParseAhead.SameParse(read.WithDocumentationMode(DocumentationMode.Diagnose).ForBinding(), read, conditional: false));
        Assert.True(ParseAhead.SameParse(read.WithPreprocessorSymbols("NET", "DEBUG"), read, conditional: false));
        Assert.True(ParseAhead.SameParse(read.WithFeatures([new("InterceptorsNamespaces", "A.B")]), read, conditional: true));
        Assert.False(ParseAhead.SameParse(read.WithPreprocessorSymbols("NET", "DEBUG"), read, conditional: true));
        Assert.False(ParseAhead.SameParse(read.WithLanguageVersion(LanguageVersion.CSharp12), read, conditional: false));
        Assert.False(ParseAhead.SameParse(read.WithDocumentationMode(DocumentationMode.None), read, conditional: false));
        Assert.False(ParseAhead.SameParse(read.WithFeatures([new("strict", "true")]), read, conditional: false));
        Assert.False(ParseAhead.SameParse(read.WithKind(SourceCodeKind.Script), read, conditional: false));
    }

    [Fact]
    public void A_file_s_facts_are_the_same_whether_its_documentation_comments_are_parsed_or_diagnosed()
    {
        // Given documentation comments well formed and not
        const string source = """
            /// <summary>Prices <see cref="Order"/>s.</summary>
            /// <param name="rate">The rate</param>
            public sealed class Pricing(decimal rate)
            {
                /// <summary>Unclosed <b>tag and & a bare ampersand
                /// <returns>Nothing</returns
                public decimal Total(decimal net) => net * rate;
            }
            """;

        // When it is read parsed with each mode
        FileSyntax Read(DocumentationMode mode) =>
            DeclarationReader.Read("src/Pricing.cs", CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp14, mode)).GetRoot());

        // Then
        Assert.Equal(Describe(Read(DocumentationMode.Parse)), Describe(Read(DocumentationMode.Diagnose)));
        Assert.NotEqual(Describe(Read(DocumentationMode.Parse)), Describe(Read(DocumentationMode.None)));
    }

    private static string Describe(FileSyntax facts) => string.Join(
        "\n",
        facts.Path,
        facts.Length,
        facts.Code,
        facts.Shape,
        string.Join(' ', facts.Identifiers.Select(p => $"{p.Key}={p.Value}")),
        string.Join(' ', facts.Words.Select(p => $"{p.Key}={p.Value}")),
        string.Join(' ', facts.DeclaredNames),
        string.Join(' ', facts.Types),
        string.Join(' ', facts.Namespaces),
        string.Join(' ', facts.Members));
}

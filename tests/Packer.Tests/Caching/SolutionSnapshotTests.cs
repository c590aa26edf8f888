using Microsoft.CodeAnalysis;
using Packer.Core.Caching;
using Packer.Core.Loading;
using Packer.Core.Graph;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Caching;

/// <summary>A solution rebuilt from the cache reads and parses a file as Roslyn's solution would, without building that solution.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class SolutionSnapshotTests(LoadedFixture fixture)
{
    [Fact]
    public async Task Each_file_parsed_without_the_solution_is_the_tree_its_document_gives_and_the_solution_stays_unbuilt()
    {
        // Given the Shop fixture as a warm run rebuilds it from the cache
        var loaded = await fixture.LoadAsync(Path.Combine(fixture.ShopRoot, "Shop.sln"));
        var restored = SolutionSnapshot.Capture(loaded).Restore(fixture.ShopRoot, new FileFilter([], []));
        var files = restored.Files.Where(f => f.IsCSharp).ToList();

        // When each file is parsed and read on its own, then through the solution
        var alone = new List<(SyntaxNode Root, string Text)>();
        foreach (var file in files)
        {
            alone.Add((
                (await restored.SyntaxRootAsync(file.Document!, CancellationToken.None))!,
                (await restored.TextAsync(file.Document!, CancellationToken.None)).ToString()));
        }

        var builtBefore = restored.LazySolution.IsValueCreated;
        var documents = files.Select(f => restored.Solution.GetDocument(f.Document)!).ToList();

        // Then nothing built the solution, and each file's tree, options and facts are the document's
        Assert.False(builtBefore);
        Assert.True(files.Count > 10, $"{files.Count} files");
        for (var i = 0; i < files.Count; i++)
        {
            var document = (await documents[i].GetSyntaxRootAsync())!;
            Assert.Equal(document.ToFullString(), alone[i].Root.ToFullString());
            Assert.Equal(document.SyntaxTree.Options, alone[i].Root.SyntaxTree.Options);
            Assert.Equal(document.SyntaxTree.FilePath, alone[i].Root.SyntaxTree.FilePath);
            Assert.Equal((await documents[i].GetTextAsync()).ToString(), alone[i].Text);
            var (expected, actual) = (DeclarationReader.Read(files[i].Path, document), DeclarationReader.Read(files[i].Path, alone[i].Root));
            Assert.Equal((expected.Code, expected.Shape, expected.Length), (actual.Code, actual.Shape, actual.Length));
            Assert.Equal(expected.DeclaredNames, actual.DeclaredNames);
        }
    }

    [Fact]
    public async Task A_solution_built_before_a_file_is_read_is_the_one_that_reads_it()
    {
        // Given a rebuilt solution whose Roslyn solution some stage already built
        var loaded = await fixture.LoadAsync(Path.Combine(fixture.ShopRoot, "Shop.sln"));
        var restored = SolutionSnapshot.Capture(loaded).Restore(fixture.ShopRoot, new FileFilter([], []));
        var file = restored.Files.First(f => f.IsCSharp);
        var document = restored.Solution.GetDocument(file.Document)!;

        // When
        var root = await restored.SyntaxRootAsync(file.Document!, CancellationToken.None);

        // Then it is the document's own tree, not a second parse
        Assert.Same(await document.GetSyntaxRootAsync(), root);
    }
}

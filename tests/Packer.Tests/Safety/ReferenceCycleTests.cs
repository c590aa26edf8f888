using Microsoft.CodeAnalysis;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Pipeline;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// A project that references itself, or projects that reference each other in a circle, must not hang a run
/// (Roslyn waits forever for a compilation that needs itself): the references that close a circle are left out,
/// with a warning, cold and from the cache alike.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class ReferenceCycleTests
{
    private const string Target = "src/Greeter.Core/Greeting.cs";

    [Theory]
    [InlineData("Greeter.Core.csproj", false)]
    [InlineData("../Greeter.Core/./Greeter.Core.csproj", false)]
    [InlineData("../Greeter.App/Greeter.App.csproj", false)]
    [InlineData("Greeter.Core.csproj", true)]
    [InlineData("../Greeter.App/Greeter.App.csproj", true)]
    public async Task A_circle_of_project_references_packs_cold_and_warm(string reference, bool unknownSdk)
    {
        // Given Greeter.Core references the reference (Greeter.App already references Greeter.Core); with an
        // SDK that exists nowhere, MSBuild cannot evaluate the projects and they are read from their files
        var root = Fixtures.Copy("Greeter");
        foreach (var name in new[] { "Greeter.Core", "Greeter.App" })
        {
            var project = Path.Combine(root, "src", name, name + ".csproj");
            var text = File.ReadAllText(project);
            if (name == "Greeter.Core")
            {
                text = text.Replace("</Project>", $"  <ItemGroup>\n    <ProjectReference Include=\"{reference}\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal);
            }

            File.WriteAllText(project, unknownSdk ? text.Replace("Microsoft.NET.Sdk", "Packer.Missing.Sdk/1.0.0", StringComparison.Ordinal) : text);
        }

        var options = new PackOptions
        {
            SolutionPath = Path.Combine(root, "Greeter.slnx"),
            Targets = [TargetSpec.Parse(Target)],
            CacheDirectory = Path.Combine(TempFolder.Create(), "cache"),
        };

        // When it is packed cold, then from the cache
        var cold = await Bounded.AwaitAsync(() => ContextPacker.PackAsync(options, root, progress: null, CancellationToken.None), Bounded.Load);
        var warm = await Bounded.AwaitAsync(() => ContextPacker.PackAsync(options, root, progress: null, CancellationToken.None), Bounded.Load);

        // Then both finish, pack the target and its neighbours, and name the reference that was left out (but
        // MSBuildWorkspace drops a longer circle's closing reference on its own, and says nothing)
        var expected = reference.EndsWith("Greeter.Core.csproj", StringComparison.Ordinal)
            ? "project Greeter.Core references itself; the reference was ignored"
            : unknownSdk ? "closes a circle of project references" : null;
        foreach (var result in new[] { cold, warm })
        {
            Assert.Contains(result.Manifest.Files, f => f.Path == Target);
            Assert.Contains(result.Manifest.Files, f => f.Path == "src/Greeter.Core/IGreetingPolicy.cs");
            Assert.True(expected is null || result.Warnings.Any(w => w.Contains(expected, StringComparison.Ordinal)), string.Join('\n', result.Warnings));
        }
    }

    [Fact]
    public async Task Breaking_circles_leaves_a_solution_that_binds_and_keeps_the_other_references()
    {
        // Given A → A, A → B, B → C, C → A, and D → B (no circle through D)
        using var workspace = new AdhocWorkspace();
        var ids = new[] { "A", "B", "C", "D" }.ToDictionary(n => n, _ => ProjectId.CreateNewId(), StringComparer.Ordinal);
        var references = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["A"] = ["A", "B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["B"],
        };
        var solution = workspace.CurrentSolution;
        foreach (var (name, id) in ids)
        {
            solution = solution.AddProject(ProjectInfo.Create(
                id, VersionStamp.Default, name, name, LanguageNames.CSharp, filePath: $"/repo/{name}/{name}.csproj",
                projectReferences: references[name].Select(r => new ProjectReference(ids[r]))));
        }

        // When
        var (broken, warnings) = ReferenceCycles.Break(solution);

        // Then the references that close a circle (A → A and C → A, walking from A) are gone, the rest stay
        string[] Names(string name) => [.. broken.GetProject(ids[name])!.ProjectReferences.Select(r => broken.GetProject(r.ProjectId)!.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(["B"], Names("A"));
        Assert.Equal(["C"], Names("B"));
        Assert.Empty(Names("C"));
        Assert.Equal(["B"], Names("D"));
        Assert.Equal(
            [
                "project A references itself; the reference was ignored (a project cannot reference itself, and MSBuild would not build it).",
                "project C's reference to A closes a circle of project references; it was ignored (MSBuild would not build such a circle).",
            ],
            warnings);
        var compilation = await Bounded.AwaitAsync(() => broken.GetProject(ids["D"])!.GetCompilationAsync());
        Assert.NotNull(compilation);
    }
}

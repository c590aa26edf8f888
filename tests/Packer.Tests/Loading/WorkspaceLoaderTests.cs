using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Loading;

[Collection(MsBuildCollection.Name)]
public sealed class WorkspaceLoaderTests(LoadedFixture fixture)
{
    [Fact]
    public async Task Loads_a_solution_that_was_never_restored_and_binds_across_projects()
    {
        // Given Shop.Infrastructure references a package that exists nowhere, and nothing was restored
        var solution = await fixture.LoadAsync(Path.Combine(fixture.ShopRoot, "Shop.sln"));

        // Then its files are there and binding reaches them from the test project
        Assert.Contains(solution.Files, f => f.Path == "src/Shop.Infrastructure/InMemoryOrderRepository.cs" && f.Project == "Shop.Infrastructure");
        var result = await fixture.PackShopAsync(fixture.ShopOptions("src/Shop.Infrastructure/InMemoryOrderRepository.cs"));
        var manifest = result.Manifest;
        Assert.Equal("declares IOrderRepository, which InMemoryOrderRepository.cs implements or extends", manifest.File("src/Shop.Domain/Orders/IOrderRepository.cs").Reason);
        Assert.Equal("uses InMemoryOrderRepository from InMemoryOrderRepository.cs", manifest.File("tests/Shop.Tests/OrderServiceTests.cs").Reason);
    }

    [Fact]
    public async Task Two_loads_at_once_keep_their_generated_sources_per_target_framework_and_leave_the_folder_as_it_was()
    {
        // Given a fresh copy, nothing under obj/
        var root = Fixtures.Copy("Shop");
        var before = Tree(root);

        // When two loads run at once (the projects of a parallel build each packing)
        var loads = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            WorkspaceLoader.LoadAsync(Path.Combine(root, "Shop.sln"), new FileFilter([], []), CancellationToken.None)));

        // Then each holds the global usings of both of Shop.Domain's target frameworks, generated in a folder of its own
        var paths = new List<string>();
        foreach (var load in loads)
        {
            var generated = load.Solution.Projects
                .Where(p => p.Name.StartsWith("Shop.Domain", StringComparison.Ordinal))
                .SelectMany(p => p.Documents)
                .Where(d => d.Name.EndsWith(".GlobalUsings.g.cs", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(2, generated.Select(d => d.FilePath).Distinct(StringComparer.Ordinal).Count());
            foreach (var document in generated)
            {
                Assert.Contains($"/obj/{DesignTimeProperties.Folder}/", document.FilePath!.Replace('\\', '/'), StringComparison.Ordinal);
                Assert.Contains("global using", (await document.GetTextAsync()).ToString(), StringComparison.Ordinal);
                paths.Add(document.FilePath);
            }
        }

        Assert.Equal(4, paths.Distinct(StringComparer.Ordinal).Count());

        // And the loads removed what they wrote, and nothing else
        Assert.Equal(before, Tree(root));
    }

    [Fact]
    public async Task Counts_linked_and_multi_targeted_files_once()
    {
        var solution = await fixture.LoadAsync(Path.Combine(fixture.ShopRoot, "Shop.sln"));

        // Guard.cs is compiled by Shop.Domain (two frameworks) and linked into Shop.Application
        var guard = Assert.Single(solution.Files, f => f.Path == "src/Shop.Domain/Shared/Guard.cs");
        Assert.Equal("Shop.Domain", guard.Project);
        Assert.Equal(solution.Files.Count, solution.Files.Select(f => f.Path).Distinct().Count());
        Assert.Single(solution.Projects, p => p.Name == "Shop.Domain");
    }

    [Fact]
    public async Task Skips_non_csharp_projects_with_a_warning_and_completes_transitive_references_as_restore_would()
    {
        var solution = await fixture.LoadAsync(Path.Combine(fixture.ShopRoot, "Shop.sln"));

        Assert.Contains("skipped F# project Shop.Scripts: only C# is analysed.", solution.Warnings);
        Assert.DoesNotContain(solution.Files, f => f.Path.EndsWith(".fs", StringComparison.Ordinal));
        Assert.Equal(["Shop.Application", "Shop.Domain", "Shop.Infrastructure", "Shop.Reporting", "Shop.Tests"], solution.Projects.Select(p => p.Name));
        Assert.Equal(["Shop.Application", "Shop.Domain", "Shop.Infrastructure"], solution.Projects.Single(p => p.Name == "Shop.Tests").References);
    }

    [Fact]
    public async Task Falls_back_to_reading_project_files_when_msbuild_cannot_evaluate()
    {
        // Given a global.json that pins an SDK no machine has
        var root = Fixtures.Copy("Shop");
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "sdk": { "version": "1.0.100", "rollForward": "disable" } }""");

        // When
        var solution = await fixture.LoadAsync(Path.Combine(root, "Shop.sln"));
        var result = await Core.Pipeline.ContextPacker.PackAsync(solution, fixture.ShopOptions("OrderService") with { SolutionPath = root }, root, CancellationToken.None);

        // Then it still ranks from source, and says how it loaded
        var manifest = result.Manifest;
        Assert.Contains(manifest.Warnings, w => w.StartsWith("MSBuild could not evaluate Shop.sln", StringComparison.Ordinal));
        Assert.Equal("declares OrderExtensions.Describe used by OrderService.cs", manifest.File("src/Shop.Application/Extensions/OrderExtensions.cs").Reason);
        Assert.Equal("uses OrderService from OrderService.cs", manifest.File("tests/Shop.Tests/OrderServiceTests.cs").Reason);
    }

    [Fact]
    public async Task A_target_outside_the_solution_is_analysed_with_its_own_project_or_an_ad_hoc_one()
    {
        // Given a sample project that the solution does not list, and a loose script with no project
        var root = Fixtures.Copy("Shop");
        Directory.CreateDirectory(Path.Combine(root, "samples", "Demo"));
        File.WriteAllText(Path.Combine(root, "samples", "Demo", "Demo.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><ProjectReference Include="../../src/Shop.Application/Shop.Application.csproj" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "samples", "Demo", "Program.cs"), "using Shop.Application;\n\nConsole.WriteLine(Greeting.Text + typeof(OrderService).Name);\n");
        File.WriteAllText(Path.Combine(root, "samples", "Demo", "Greeting.cs"), "static class Greeting { public const string Text = \"hi \"; }\n");
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        File.WriteAllText(Path.Combine(root, "scripts", "seed.cs"), "var order = new Shop.Domain.Orders.Order(1, \"EUR\");\n");
        var solution = await fixture.LoadAsync(Path.Combine(root, "Shop.sln"));
        var options = fixture.ShopOptions("samples/Demo/Program.cs", "scripts/seed.cs") with { SolutionPath = root };

        // When
        var result = await Core.Pipeline.ContextPacker.PackAsync(solution, options, root, CancellationToken.None);

        // Then
        var manifest = result.Manifest;
        Assert.Equal("Demo", manifest.File("samples/Demo/Program.cs").Project);
        Assert.Equal("declares Greeting used by Program.cs", manifest.File("samples/Demo/Greeting.cs").Reason);
        Assert.Equal("declares OrderService used by Program.cs", manifest.File("src/Shop.Application/OrderService.cs").Reason);
        Assert.Equal("(loose files)", manifest.File("scripts/seed.cs").Project);
        Assert.Equal("declares Order used by seed.cs", manifest.File("src/Shop.Domain/Orders/Order.cs").Reason);
        Assert.Contains("samples/Demo/Demo.csproj compiles a target but is not in Shop.sln; it was read from its project file and added.", manifest.Warnings);
        Assert.Contains("scripts/seed.cs is not compiled by any loaded project; it was analysed in an ad-hoc project that references all of them.", manifest.Warnings);
    }

    [Fact]
    public async Task Reads_a_project_msbuild_cannot_evaluate_from_its_project_file()
    {
        // Given Shop.Application imports an MSBuild SDK that exists nowhere, and references Shop.Domain once per
        // target framework, in conditional item groups (as multi-targeted test projects do)
        var root = Fixtures.Copy("Shop");
        var project = Path.Combine(root, "src", "Shop.Application", "Shop.Application.csproj");
        File.WriteAllText(project, File.ReadAllText(project)
            .Replace("<Project Sdk=\"Microsoft.NET.Sdk\">", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Sdk Name=\"No.Such.Sdk\" Version=\"1.0.0\" />", StringComparison.Ordinal)
            .Replace("</Project>", "  <ItemGroup Condition=\"'$(TargetFramework)' == 'net8.0'\">\n    <ProjectReference Include=\"..\\Shop.Domain\\Shop.Domain.csproj\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));

        // When
        var solution = await fixture.LoadAsync(Path.Combine(root, "Shop.sln"));
        var result = await Core.Pipeline.ContextPacker.PackAsync(solution, fixture.ShopOptions("OrderService") with { SolutionPath = root }, root, CancellationToken.None);

        // Then its files are there, bound, and referenced from the projects MSBuild did load
        var manifest = result.Manifest;
        Assert.Contains(manifest.Warnings, w => w.StartsWith("1 project(s) could not be evaluated by MSBuild (src/Shop.Application/Shop.Application.csproj)", StringComparison.Ordinal));
        Assert.StartsWith("declares Order", manifest.File("src/Shop.Domain/Orders/Order.cs").Reason, StringComparison.Ordinal);
        Assert.EndsWith("used by OrderService.cs", manifest.File("src/Shop.Domain/Orders/Order.cs").Reason, StringComparison.Ordinal);
        Assert.Equal("uses OrderService from OrderService.cs", manifest.File("tests/Shop.Tests/OrderServiceTests.cs").Reason);
    }

    [Fact]
    public async Task A_project_file_that_cannot_be_read_is_a_warning_and_the_rest_loads()
    {
        // Given Shop.Reporting's project file is not XML
        var root = Fixtures.Copy("Shop");
        File.WriteAllText(Path.Combine(root, "src", "Shop.Reporting", "Shop.Reporting.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n");

        // When
        var solution = await fixture.LoadAsync(Path.Combine(root, "Shop.sln"));

        // Then
        Assert.Contains(solution.Warnings, w => w.StartsWith("skipped project Shop.Reporting.csproj: its project file could not be read (", StringComparison.Ordinal));
        Assert.DoesNotContain(solution.Files, f => f.Project == "Shop.Reporting");
        Assert.Contains(solution.Files, f => f.Path == "src/Shop.Application/OrderService.cs");
    }

    [Fact]
    public async Task Reads_the_xproj_projects_of_a_project_json_solution_and_binds_across_them()
    {
        // Given a project.json-era solution: MSBuild opens the .sln but knows no language for an .xproj
        var root = TempFolder.Create();
        var sln = ProjectJsonSolution.Write(root);

        // When
        var solution = await fixture.LoadAsync(sln);
        var options = new Core.Configuration.PackOptions { SolutionPath = sln, Targets = [TargetSpec.Parse("src/Clock/Instant.cs")] };
        var result = await Core.Pipeline.ContextPacker.PackAsync(solution, options, root, CancellationToken.None);

        // Then both projects are read from their folders and project.json, the tests use Instant through the
        // project reference, and the warning says how they were read instead of MSBuild's report
        Assert.Equal(["Clock", "Clock.Tests"], solution.Projects.Select(p => p.Name));
        Assert.Equal(["Clock"], solution.Projects.Single(p => p.Name == "Clock.Tests").References);
        Assert.Equal("uses Instant from Instant.cs", result.Manifest.File("test/Clock.Tests/InstantTests.cs").Reason);
        Assert.Contains(solution.Warnings, w => w.StartsWith(
            "2 project(s) use the project.json project system, which MSBuild no longer evaluates (src/Clock/Clock.xproj, test/Clock.Tests/Clock.Tests.xproj); "
            + "they were read from their .xproj folders and project.json files", StringComparison.Ordinal));
        Assert.DoesNotContain(solution.Warnings, w => w.StartsWith("Cannot open project", StringComparison.Ordinal));
    }

    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(root, e)).Order(StringComparer.Ordinal)];
}

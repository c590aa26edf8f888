using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Loading;

/// <summary>What is read from a project file itself, without MSBuild.</summary>
public sealed class ProjectFileReaderTests
{
    [Fact]
    public void A_project_referenced_once_per_target_framework_is_one_reference()
    {
        // Given a test project that references the library in one conditional item group per target framework
        var root = TempFolder.Create();
        var project = Path.Combine(root, "test", "Lib.Tests", "Lib.Tests.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        var groups = string.Concat(new[] { "net8.0", "net9.0", "net10.0" }.Select(f =>
            $"  <ItemGroup Condition=\"'$(TargetFramework)' == '{f}'\">\n    <ProjectReference Include=\"..\\..\\src\\Lib\\Lib.csproj\" />\n  </ItemGroup>\n"));
        File.WriteAllText(project, $"<Project Sdk=\"Microsoft.NET.Sdk\">\n{groups}</Project>\n");

        // When
        var references = ProjectFileReader.ProjectReferencePaths(project).ToList();

        // Then
        Assert.Equal([Path.Combine(root, "src", "Lib", "Lib.csproj")], references);
    }

    [Fact]
    public void A_compile_glob_outside_the_project_folder_is_listed_from_the_folder_it_names()
    {
        // Given a project that links the shared sources of a sibling folder by a wildcard
        var root = TempFolder.Create();
        var project = Path.Combine(root, "src", "App", "App.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        Directory.CreateDirectory(Path.Combine(root, "src", "Shared"));
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <Compile Include=\"..\\Shared\\*.cs\" />\n  </ItemGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(root, "src", "App", "Program.cs"), "class Program;\n");
        File.WriteAllText(Path.Combine(root, "src", "Shared", "Guard.cs"), "static class Guard;\n");

        // When
        var files = ProjectFileReader.CompileFiles(project);

        // Then
        Assert.Equal([Path.Combine(root, "src", "App", "Program.cs"), Path.Combine(root, "src", "Shared", "Guard.cs")], files);
    }

    [Fact]
    public async Task Reads_xproj_projects_from_their_folders_and_project_json_and_binds_across_them()
    {
        // Given a project.json-era solution: Clock.Tests depends on Clock under one target framework
        var root = TempFolder.Create();
        var sln = ProjectJsonSolution.Write(root);

        // When MSBuild cannot evaluate it and the project files are read
        var (solution, skipped) = await ProjectFileReader.ReadAsync(sln, CancellationToken.None);

        // Then each holds the C# below its folder, less what project.json excludes and less the Tool folder, a project of its own
        Assert.Empty(skipped);
        var clock = solution.Projects.Single(p => p.Name == "Clock");
        var tests = solution.Projects.Single(p => p.Name == "Clock.Tests");
        Assert.Equal([Path.Combine(root, "src", "Clock", "Instant.cs")], clock.Documents.Select(d => d.FilePath));
        Assert.Equal([Path.Combine(root, "test", "Clock.Tests", "InstantTests.cs")], tests.Documents.Select(d => d.FilePath));

        // And the dependency on Clock is a project reference (the packages are not), through which Instant binds
        Assert.Equal([clock.Id], tests.ProjectReferences.Select(r => r.ProjectId));
        var document = tests.Documents.Single();
        var model = (await document.GetSemanticModelAsync())!;
        var instant = (await document.GetSyntaxRootAsync())!.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Single().Type;
        var type = Assert.IsAssignableFrom<INamedTypeSymbol>(model.GetSymbolInfo(instant).Symbol);
        Assert.Equal("Clock", type.ContainingAssembly.Name);
    }

    [Fact]
    public async Task A_project_json_that_cannot_be_read_is_a_warning_and_its_project_keeps_its_files()
    {
        // Given Clock.Tests's project.json is cut short
        var root = TempFolder.Create();
        var sln = ProjectJsonSolution.Write(root);
        File.WriteAllText(Path.Combine(root, "test", "Clock.Tests", "project.json"), "{ \"dependencies\": { \"Clock\": ");

        // When
        var (solution, skipped) = await ProjectFileReader.ReadAsync(sln, CancellationToken.None);

        // Then it says so, and the project is read from the default globs, without references
        var warning = Assert.Single(skipped);
        Assert.StartsWith("project.json of Clock.Tests could not be read (", warning, StringComparison.Ordinal);
        var tests = solution.Projects.Single(p => p.Name == "Clock.Tests");
        Assert.Single(tests.Documents);
        Assert.Empty(tests.ProjectReferences);
    }
}

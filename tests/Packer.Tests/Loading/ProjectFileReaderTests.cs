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
}

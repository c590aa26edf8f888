using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Loading;

/// <summary>Which projects of a large solution MSBuild evaluates, read from project files alone.</summary>
public sealed class ProjectFocusTests
{
    [Fact]
    public async Task A_file_target_in_a_large_solution_focuses_on_its_project_what_it_references_and_what_references_it()
    {
        // Given 45 projects: Core <- Feature <- Feature.Tests, Feature <- App, and 41 unrelated ones (Other*) that reference Core
        var root = Solution(45, out var project);

        // When
        var focus = await ProjectFocus.ForAsync(Path.Combine(root, "All.slnx"), [TargetSpec.Parse("src/Feature/Widget.cs")], 32_000, root, CancellationToken.None);

        // Then
        Assert.NotNull(focus);
        Assert.Equal(new[] { "App", "Core", "Feature", "Feature.Tests" }.Select(project).Order(StringComparer.Ordinal), focus.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(45, "type:Shop.Widget")]
    [InlineData(45, "Widget")]
    [InlineData(45, "namespace:Shop")]
    [InlineData(45, "Core")] // everything references Core: nothing to leave out
    [InlineData(30, "src/Feature/Widget.cs")] // small: MSBuild evaluates everything
    public async Task Everything_is_evaluated_when_focusing_would_not_pay_or_the_targets_project_is_not_known_before_loading(int projects, string spec)
    {
        var root = Solution(projects, out _);

        var focus = await ProjectFocus.ForAsync(Path.Combine(root, "All.slnx"), [TargetSpec.Parse(spec)], 32_000, root, CancellationToken.None);

        Assert.Null(focus);
    }

    [Fact]
    public async Task A_project_target_focuses_like_a_file_in_it()
    {
        var root = Solution(45, out var project);

        var focus = await ProjectFocus.ForAsync(Path.Combine(root, "All.slnx"), [TargetSpec.Parse("project:Feature.Tests")], 32_000, root, CancellationToken.None);

        Assert.Equal(new[] { "Core", "Feature", "Feature.Tests" }.Select(project).Order(StringComparer.Ordinal), focus!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_target_larger_than_the_cap_focuses_on_what_it_references_only_as_a_module_binds_no_callers()
    {
        // Given Feature's files take 2,000 bytes, more than 16 characters a token of a 100-token cap
        var root = Solution(45, out var project);
        File.WriteAllText(Path.Combine(root, "src", "Feature", "Gadget.cs"), "namespace Shop;\n\n" + new string('/', 2_000) + "\n");

        // When
        var big = await ProjectFocus.ForAsync(Path.Combine(root, "All.slnx"), [TargetSpec.Parse("project:Feature")], 100, root, CancellationToken.None);
        var file = await ProjectFocus.ForAsync(Path.Combine(root, "All.slnx"), [TargetSpec.Parse("src/Feature/Widget.cs")], 100, root, CancellationToken.None);
        var folder = await ProjectFocus.ForAsync(Path.Combine(root, "All.slnx"), [TargetSpec.Parse("folder:src/Feature")], 100, root, CancellationToken.None);

        // Then the project and its folder leave out App and the tests; its small file does not
        Assert.Equal(new[] { "Core", "Feature" }.Select(project).Order(StringComparer.Ordinal), big!.Order(StringComparer.Ordinal));
        Assert.Equal(big!.Order(StringComparer.Ordinal), folder!.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "App", "Core", "Feature", "Feature.Tests" }.Select(project).Order(StringComparer.Ordinal), file!.Order(StringComparer.Ordinal));
    }

    private static string Solution(int count, out Func<string, string> project)
    {
        var root = TempFolder.Create();
        string Path_(string name) => Path.Combine(root, "src", name, name + ".csproj");
        project = Path_;
        void Write(string name, params string[] references)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path_(name))!);
            var items = string.Concat(references.Select(r => $"    <ProjectReference Include=\"../{r}/{r}.csproj\" />\n"));
            File.WriteAllText(Path_(name), $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n{items}  </ItemGroup>\n</Project>\n");
        }

        var names = new List<string> { "Core", "Feature", "Feature.Tests", "App" };
        Write("Core");
        Write("Feature", "Core");
        Write("Feature.Tests", "Feature");
        Write("App", "Feature");
        for (var i = names.Count; i < count; i++)
        {
            names.Add($"Other{i}");
            Write($"Other{i}", "Core");
        }

        File.WriteAllText(Path.Combine(root, "src", "Feature", "Widget.cs"), "namespace Shop;\n\npublic sealed class Widget;\n");
        File.WriteAllText(
            Path.Combine(root, "All.slnx"),
            $"<Solution>\n{string.Concat(names.Select(n => $"  <Project Path=\"src/{n}/{n}.csproj\" />\n"))}</Solution>\n");
        return root;
    }
}

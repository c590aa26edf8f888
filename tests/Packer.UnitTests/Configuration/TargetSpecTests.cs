using Packer.Core.Configuration;

namespace Packer.Tests.Configuration;

/// <summary>Target specs are parsed once, where they come in; the spec as written stays for messages and the manifest.</summary>
public sealed class TargetSpecTests
{
    [Theory]
    [InlineData("project:Shop.Domain", TargetKind.Project, "Shop.Domain")]
    [InlineData("file: src/A.cs ", TargetKind.File, "src/A.cs")]
    [InlineData("type:Shop.Order", TargetKind.Type, "Shop.Order")]
    [InlineData("namespace:Shop", TargetKind.Namespace, "Shop")]
    [InlineData("folder:src/Shop", TargetKind.Folder, "src/Shop")]
    public void A_prefix_forces_the_kind_and_the_spec_as_written_is_kept(string written, TargetKind kind, string name)
    {
        // When
        var spec = TargetSpec.Parse(written);

        // Then
        Assert.Equal(kind, spec.Kind);
        Assert.Equal(name, spec.Name);
        Assert.Equal(written, spec.Text);
        Assert.Equal(written, spec.ToString());
    }

    [Fact]
    public void A_spec_without_a_known_prefix_has_no_kind_and_may_name_a_file()
    {
        // When
        var specs = TargetSpec.ParseAll([" OrderService ", "Project:Shop", "src/A.cs"]);

        // Then
        Assert.All(specs, s => Assert.Null(s.Kind));
        Assert.Equal(["OrderService", "Project:Shop", "src/A.cs"], specs.Select(s => s.Name));
        Assert.True(specs[2].MayBeFile);
        Assert.False(TargetSpec.Parse("type:A").MayBeFile);
    }
}

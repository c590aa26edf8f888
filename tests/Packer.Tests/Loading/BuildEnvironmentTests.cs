using Packer.Core.Loading;

namespace Packer.Tests.Loading;

public sealed class BuildEnvironmentTests
{
    [Fact]
    public void Names_what_dotnet_build_passes_to_its_children_but_not_the_host()
    {
        Assert.Contains("MSBuildExtensionsPath", BuildEnvironment.Inherited);
        Assert.Contains("MSBuildSDKsPath", BuildEnvironment.Inherited);
        Assert.Contains("MSBUILD_EXE_PATH", BuildEnvironment.Inherited);
        Assert.Contains("MSBuildLoadMicrosoftTargetsReadOnly", BuildEnvironment.Inherited);
        Assert.DoesNotContain("DOTNET_HOST_PATH", BuildEnvironment.Inherited);
    }

    [Fact]
    public void Clears_the_variables_that_are_set_and_reports_them()
    {
        // Given (names of this test's own: the real ones belong to the MSBuild this test process registered)
        Environment.SetEnvironmentVariable("PACKER_TEST_INHERITED", "from a parent build");

        // When
        var cleared = BuildEnvironment.Clear(["PACKER_TEST_INHERITED", "PACKER_TEST_NEVER_SET"]);

        // Then
        Assert.Equal(["PACKER_TEST_INHERITED"], cleared);
        Assert.Null(Environment.GetEnvironmentVariable("PACKER_TEST_INHERITED"));
    }
}

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Packs a project of this repository with <c>dotnet pack</c>, one at a time: the tool package and the MSBuild
/// package both build Packer.Core and Packer.Cli, and two builds at once would write the same obj/ folders. On one
/// MSBuild node: the projects are built already, and a second node would only compile MSBuild again (a pack's wall
/// time 0.80 of that with two).
/// </summary>
internal static class RepositoryPack
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Packs <paramref name="project"/> (relative to the repository root) at <see cref="InstalledTool.Version"/> into <paramref name="outputFolder"/>.</summary>
    public static async Task PackAsync(string project, string outputFolder)
    {
        await Gate.WaitAsync();
        try
        {
            var path = Path.Combine(Fixtures.RepositoryRoot, project);
            await ProcessResult.RunCheckedAsync(
                "dotnet", ["pack", path, "-c", "Release", "-o", outputFolder, $"-p:Version={InstalledTool.Version}", "-m:1"], Fixtures.RepositoryRoot);
        }
        finally
        {
            Gate.Release();
        }
    }
}

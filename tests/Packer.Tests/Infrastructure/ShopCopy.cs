namespace Packer.Tests.Infrastructure;

/// <summary>
/// A copy of the Shop fixture in a git repository, with an analysis cache folder of its own, for a test class
/// that runs the installed tool (session, the MCP server) on it. Unlike <see cref="ShopRepository"/> nothing is
/// loaded in the test process: the tool's first run loads it cold, and later runs of the class are warm from
/// the class's cache (<see cref="WarmAsync"/> makes that first run a plain pack). Tests of one class that edit it
/// edit different files, and each compares the tool with itself.
/// </summary>
public sealed class ShopCopy : IAsyncLifetime
{
    private Task? warming;

    /// <summary>Gets the copy's folder (the repository root).</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>Gets the analysis cache folder the class's runs share (--cache-dir).</summary>
    public string Cache { get; } = Path.Combine(TempFolder.Create(), "cache");

    public async Task InitializeAsync()
    {
        Root = Fixtures.Copy("Shop");
        await GitRepository.InitAsync(Root);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Fills the class's cache with one pack by the tool, the class's one cold load, so that every later run is
    /// warm: also a run that fails after loading (an unknown target), which writes no cache.
    /// </summary>
    public Task WarmAsync(InstalledTool tool) => warming ??= PackOnceAsync(tool);

    private async Task PackOnceAsync(InstalledTool tool)
    {
        var result = await tool.RunAsync(Root, ["Shop.sln", "--target", "OrderService", "--cache-dir", Cache, "-q", "-o", Path.Combine(TempFolder.Create(), "warm.xml")]);
        Assert.True(result.ExitCode == 0, result.StandardError);
    }
}

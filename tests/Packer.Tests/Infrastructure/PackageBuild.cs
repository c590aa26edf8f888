namespace Packer.Tests.Infrastructure;

/// <summary>
/// The MSBuild package as a user meets it: PackContext.MSBuild packed into a local feed once per test run, and
/// copies of the Greeter fixture (which references it) with a nuget.config naming only that feed, restored into
/// this fixture's private NuGet folder. Tests that build take a copy of their own (<see cref="Copy"/>); those that
/// read one shared build use <see cref="PackageBuild"/>.
/// </summary>
public class PackageFeed : IAsyncLifetime
{
    /// <summary>The projects of the Greeter fixture, each of which references the package.</summary>
    public static readonly string[] Projects = ["Greeter.App", "Greeter.Core"];

    // Packed once for the run: both collections of package tests restore from it.
    private static readonly Lazy<Task<string>> Feed = new(async () =>
    {
        var folder = Path.Combine(TempFolder.Create(), "feed");
        await RepositoryPack.PackAsync("src/PackContext.MSBuild/PackContext.MSBuild.csproj", folder);
        return folder;
    });

    private Dictionary<string, string> environment = [];

    /// <summary>Gets the folder holding the .nupkg.</summary>
    public string PackageFolder { get; private set; } = string.Empty;

    /// <summary>Gets the private NuGet folder the copies restore into.</summary>
    protected string NuGetFolder { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        PackageFolder = await Feed.Value;
        var scratch = TempFolder.Create();
        NuGetFolder = Path.Combine(scratch, "nuget");
        environment = new Dictionary<string, string>
        {
            // A private NuGet folder: a package of the same version from an earlier run is never reused.
            ["NUGET_PACKAGES"] = NuGetFolder,
            ["XDG_CACHE_HOME"] = Path.Combine(scratch, "cache"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Copies the Greeter fixture with a nuget.config that names only the local feed; returns the copy's folder.</summary>
    public string Copy()
    {
        var root = Fixtures.Copy("Greeter");
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackageFolder}" />
              </packageSources>
            </configuration>
            """);
        return root;
    }

    /// <summary>The default bundle and manifest paths of each project of a copy.</summary>
    public static IEnumerable<string> Outputs(string root) => Projects.SelectMany(p => new[] { Bundle(p, root), Manifest(p, root) });

    /// <summary>A project's default bundle.</summary>
    public static string Bundle(string project, string root) => Path.Combine(root, "src", project, "obj", "pack-context", $"{project}.context.xml");

    /// <summary>A project's default manifest.</summary>
    public static string Manifest(string project, string root) => Path.Combine(root, "src", project, "obj", "pack-context", $"{project}.manifest.json");

    /// <summary>Counts the lines of a build's output that hold <paramref name="text"/>.</summary>
    public static int Count(ProcessResult result, string text) => result.StandardOutput.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// Runs a dotnet command in a copy, with the classic console log at minimal verbosity unless the arguments give
    /// one, on one MSBuild node: for two small projects a second node only compiles MSBuild again, and the suite is
    /// bound by CPU (MsBuildPackageCopyTests: 80.7 s of CPU with two nodes, 66.8 s with one).
    /// </summary>
    public Task<ProcessResult> DotnetInAsync(string root, params string[] arguments) =>
        ProcessResult.RunAsync("dotnet", [.. arguments, "-nologo", "-tl:off", "-m:1", .. arguments.Any(a => a.StartsWith("-v:", StringComparison.Ordinal)) ? Array.Empty<string>() : ["-v:m"]], root, environment);

    /// <summary>Runs a command in a copy with this fixture's environment.</summary>
    protected Task<ProcessResult> RunInAsync(string root, string command, params string[] arguments) => ProcessResult.RunAsync(command, arguments, root, environment);
}

/// <summary>
/// One copy of the Greeter fixture, built once per test run with the package: tests read that first build and run
/// more builds in the same copy, none of which changes what the others see.
/// </summary>
public sealed class PackageBuild : PackageFeed
{
    /// <summary>Gets the copied solution's folder.</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>Gets the tool inside the restored package.</summary>
    public string ToolAssembly { get; private set; } = string.Empty;

    /// <summary>Gets the first <c>dotnet build</c> of the copy.</summary>
    public ProcessResult FirstBuild { get; private set; } = new(-1, string.Empty, string.Empty);

    /// <summary>Gets each output of the first build (bundles and manifests) with its bytes and time of writing.</summary>
    public IReadOnlyDictionary<string, (byte[] Bytes, DateTime Written)> FirstOutputs { get; private set; } =
        new Dictionary<string, (byte[], DateTime)>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Root = Copy();
        ToolAssembly = Path.Combine(NuGetFolder, "packcontext.msbuild", InstalledTool.Version, "tools", "net10.0", "any", "dotnet-pack-context.dll");
        FirstBuild = await DotnetAsync("build", "-v:n");
        FirstOutputs = Outputs(Root).ToDictionary(p => p, p => (File.ReadAllBytes(p), File.GetLastWriteTimeUtc(p)), StringComparer.Ordinal);
    }

    /// <summary>Runs a dotnet command in the copy, with the classic console log at minimal verbosity unless the arguments give one.</summary>
    public Task<ProcessResult> DotnetAsync(params string[] arguments) => DotnetInAsync(Root, arguments);

    /// <summary>Runs the packaged tool itself, as <c>dotnet pack-context</c> would run.</summary>
    public Task<ProcessResult> ToolAsync(params string[] arguments) => RunInAsync(Root, "dotnet", ["exec", ToolAssembly, .. arguments]);
}

/// <summary>Tests that read the one shared build of the package, in processes of their own; they run beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class PackageBuildCollection : ICollectionFixture<PackageBuild>
{
    public const string Name = "MSBuild package";
}

/// <summary>Tests that build copies of their own with the package; beside the shared build's collection, so the two run at once.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCopiesCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "MSBuild package, copies of their own";
}

namespace Packer.Tests.Infrastructure;

/// <summary>
/// The MSBuild package as a user meets it, once per test run: PackContext.MSBuild packed into a local feed, the
/// Greeter fixture (which references it) copied with a nuget.config naming only that feed, restored into a
/// private NuGet folder and built. Tests read that first build and run more builds in the same copy, none of
/// which changes what the others see (a test that must, such as a clean, takes a copy of its own).
/// </summary>
public sealed class PackageBuild : IAsyncLifetime
{
    /// <summary>The projects of the Greeter fixture, each of which references the package.</summary>
    public static readonly string[] Projects = ["Greeter.App", "Greeter.Core"];

    private Dictionary<string, string> environment = [];

    /// <summary>Gets the copied solution's folder.</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>Gets the folder holding the .nupkg.</summary>
    public string PackageFolder { get; private set; } = string.Empty;

    /// <summary>Gets the tool inside the restored package.</summary>
    public string ToolAssembly { get; private set; } = string.Empty;

    /// <summary>Gets the first <c>dotnet build</c> of the copy.</summary>
    public ProcessResult FirstBuild { get; private set; } = new(-1, string.Empty, string.Empty);

    /// <summary>Gets each output of the first build (bundles and manifests) with its bytes and time of writing.</summary>
    public IReadOnlyDictionary<string, (byte[] Bytes, DateTime Written)> FirstOutputs { get; private set; } =
        new Dictionary<string, (byte[], DateTime)>();

    public async Task InitializeAsync()
    {
        var scratch = TempFolder.Create();
        PackageFolder = Path.Combine(scratch, "feed");
        await RepositoryPack.PackAsync("src/PackContext.MSBuild/PackContext.MSBuild.csproj", PackageFolder);

        Root = Copy();
        var nuget = Path.Combine(scratch, "nuget");
        environment = new Dictionary<string, string>
        {
            // A private NuGet folder: a package of the same version from an earlier run is never reused.
            ["NUGET_PACKAGES"] = nuget,
            ["XDG_CACHE_HOME"] = Path.Combine(scratch, "cache"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        ToolAssembly = Path.Combine(nuget, "packcontext.msbuild", InstalledTool.Version, "tools", "net10.0", "any", "dotnet-pack-context.dll");

        FirstBuild = await DotnetAsync("build", "-v:n");
        FirstOutputs = Outputs().ToDictionary(p => p, p => (File.ReadAllBytes(p), File.GetLastWriteTimeUtc(p)), StringComparer.Ordinal);
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

    /// <summary>The default bundle and manifest paths of each project.</summary>
    public IEnumerable<string> Outputs(string? root = null) => Projects.SelectMany(p => new[] { Bundle(p, root), Manifest(p, root) });

    /// <summary>A project's default bundle.</summary>
    public string Bundle(string project, string? root = null) => Path.Combine(root ?? Root, "src", project, "obj", "pack-context", $"{project}.context.xml");

    /// <summary>A project's default manifest.</summary>
    public string Manifest(string project, string? root = null) => Path.Combine(root ?? Root, "src", project, "obj", "pack-context", $"{project}.manifest.json");

    /// <summary>Runs a dotnet command in the first copy, with the classic console log at minimal verbosity unless the arguments give one.</summary>
    public Task<ProcessResult> DotnetAsync(params string[] arguments) => DotnetInAsync(Root, arguments);

    /// <summary>Runs a dotnet command in a copy, with the classic console log at minimal verbosity unless the arguments give one.</summary>
    public Task<ProcessResult> DotnetInAsync(string root, params string[] arguments) =>
        ProcessResult.RunAsync("dotnet", [.. arguments, "-nologo", "-tl:off", .. arguments.Any(a => a.StartsWith("-v:", StringComparison.Ordinal)) ? Array.Empty<string>() : ["-v:m"]], root, environment);

    /// <summary>Runs the packaged tool itself, as <c>dotnet pack-context</c> would run.</summary>
    public Task<ProcessResult> ToolAsync(params string[] arguments) =>
        ProcessResult.RunAsync("dotnet", ["exec", ToolAssembly, .. arguments], Root, environment);
}

/// <summary>Tests that build a solution referencing the MSBuild package, in processes of their own; they run beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class PackageBuildCollection : ICollectionFixture<PackageBuild>
{
    public const string Name = "MSBuild package";
}

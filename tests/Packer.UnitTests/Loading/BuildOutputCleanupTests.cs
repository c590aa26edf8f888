using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Loading;

/// <summary>
/// A load removes its own design-time folder and nothing else: a real build, or another load, may be writing
/// under the same obj/ folders at the same time.
/// </summary>
public sealed class BuildOutputCleanupTests
{
    [Fact]
    public void A_load_removes_its_own_folder_and_leaves_what_others_wrote_meanwhile()
    {
        // Given a project with no obj/ or bin/ before the load
        var project = TempFolder.Create();
        var load = DesignTimeProperties.ForNewLoad();
        var cleanup = BuildOutputCleanup.Before(load, [Path.Combine(project, "App.csproj")]);

        // When, during the load, it writes its own files, another load writes its, and a real build compiles
        var own = Write(load.FolderBelow(Path.Combine(project, "obj")), "Debug/net10.0/App.GlobalUsings.g.cs");
        var other = Write(Path.Combine(project, "obj", DesignTimeProperties.Folder, "1-1"), "Debug/net10.0/App.GlobalUsings.g.cs");
        var real = Write(Path.Combine(project, "obj"), "Release/net10.0/App.AssemblyInfo.cs");
        var output = Write(Path.Combine(project, "bin"), "Release/net10.0/App.dll");
        cleanup.Remove();

        // Then only its own folder is gone
        Assert.False(Directory.Exists(load.FolderBelow(Path.Combine(project, "obj"))));
        Assert.False(File.Exists(own));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(real));
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Folders_the_load_made_go_when_empty_and_an_obj_folder_that_was_there_stays()
    {
        // Given one project without obj/ or bin/, and one with an empty obj/ and no bin/
        var fresh = TempFolder.Create();
        var built = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(built, "obj"));
        var load = DesignTimeProperties.ForNewLoad();
        var cleanup = BuildOutputCleanup.Before(load, [Path.Combine(fresh, "A.csproj"), Path.Combine(built, "B.csproj")]);

        // When the load writes into both, and makes their (empty) output folders
        Write(load.FolderBelow(Path.Combine(fresh, "obj")), "Debug/net10.0/A.AssemblyInfo.cs");
        Write(load.FolderBelow(Path.Combine(built, "obj")), "Debug/net10.0/B.AssemblyInfo.cs");
        Directory.CreateDirectory(Path.Combine(load.FolderBelow(Path.Combine(fresh, "bin")), "Debug", "net10.0"));
        Directory.CreateDirectory(Path.Combine(load.FolderBelow(Path.Combine(built, "bin")), "Debug", "net10.0"));
        cleanup.Remove();

        // Then the project folders are as they were
        Assert.Empty(Directory.EnumerateFileSystemEntries(fresh));
        Assert.Equal([Path.Combine(built, "obj")], Directory.EnumerateFileSystemEntries(built));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(built, "obj")));
    }

    [Fact]
    public async Task A_load_removes_the_folders_of_a_load_whose_process_is_gone_and_leaves_a_running_ones()
    {
        // Given folders left by a load that was stopped before its cleanup (Ctrl-C, kill), and by a running one
        var project = TempFolder.Create();
        using var ended = System.Diagnostics.Process.Start("true");
        await ended.WaitForExitAsync();
        var gone = Write(Path.Combine(project, "obj", DesignTimeProperties.Folder, $"{ended.Id}-1"), "Debug/net10.0/App.AssemblyInfo.cs");
        var goneBin = Path.Combine(project, "bin", DesignTimeProperties.Folder, $"{ended.Id}-1", "Debug");
        Directory.CreateDirectory(goneBin);
        var running = Write(Path.Combine(project, "obj", DesignTimeProperties.Folder, $"{Environment.ProcessId}-999999"), "Debug/net10.0/App.AssemblyInfo.cs");

        // When the next load runs
        var load = DesignTimeProperties.ForNewLoad();
        BuildOutputCleanup.Before(load, [Path.Combine(project, "App.csproj")]).Remove();

        // Then
        Assert.False(File.Exists(gone));
        Assert.False(Directory.Exists(Path.Combine(project, "bin", DesignTimeProperties.Folder)));
        Assert.True(File.Exists(running));
    }

    [Fact]
    public void Two_loads_have_two_folders_and_know_only_their_own_files()
    {
        var first = DesignTimeProperties.ForNewLoad();
        var second = DesignTimeProperties.ForNewLoad();
        var obj = Path.Combine(TempFolder.Create(), "obj");

        Assert.NotEqual(first.FolderBelow(obj), second.FolderBelow(obj));
        Assert.NotEqual(first.All["PlatformName"], second.All["PlatformName"]);
        var file = Path.Combine(first.FolderBelow(obj), "Debug", "net10.0", "A.cs");
        Assert.Equal(first.FolderBelow(obj), first.FolderOf(file));
        Assert.Null(second.FolderOf(file));
        Assert.Null(first.FolderOf(Path.Combine(obj, "Debug", "net10.0", "A.cs")));
    }

    private static string Write(string folder, string relative)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "// generated\n");
        return path;
    }
}

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Writes a tiny solution of the 2016 project.json era: a global.json pinning an SDK no machine has, and an
/// .sln of two .xproj projects, <c>Clock</c> and <c>Clock.Tests</c>, each with its project.json; the tests
/// depend on Clock under one target framework. Clock's project.json (with comments and a trailing comma, as
/// such files often have) leaves out <c>Legacy/</c>, and its <c>Tool/</c> folder is a project of its own.
/// </summary>
internal static class ProjectJsonSolution
{
    /// <summary>Writes the solution under <paramref name="root"/> and returns the .sln path.</summary>
    /// <param name="root">An empty folder.</param>
    public static string Write(string root)
    {
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "projects": [ "src", "test" ], "sdk": { "version": "1.0.0-preview2-003121" } }""");
        WriteProject(root, "src/Clock", "Clock", """
            {
              // the library
              "version": "1.0.0-*",
              "buildOptions": { "compile": { "exclude": [ "Legacy" ] } },
              "frameworks": { "net45": {}, "netstandard1.3": { "dependencies": { "System.Runtime": "4.1.0", }, }, },
            }
            """);
        File.WriteAllText(Path.Combine(root, "src", "Clock", "Instant.cs"), "namespace Clock;\n\npublic readonly struct Instant(long ticks)\n{\n    public long Ticks => ticks;\n}\n");
        Directory.CreateDirectory(Path.Combine(root, "src", "Clock", "Legacy"));
        File.WriteAllText(Path.Combine(root, "src", "Clock", "Legacy", "OldInstant.cs"), "namespace Clock;\n\npublic sealed class OldInstant;\n");
        WriteProject(root, "src/Clock/Tool", "Clock.Tool", """{ "buildOptions": { "emitEntryPoint": true } }""");
        File.WriteAllText(Path.Combine(root, "src", "Clock", "Tool", "Program.cs"), "System.Console.WriteLine(\"tool\");\n");
        WriteProject(root, "test/Clock.Tests", "Clock.Tests", """
            {
              "dependencies": { "xunit": "2.1.0", "Clock.Tool": { "target": "package", "version": "1.0.0" } },
              "frameworks": { "netcoreapp1.0": { "dependencies": { "Clock": { "target": "project" } } } }
            }
            """);
        File.WriteAllText(Path.Combine(root, "test", "Clock.Tests", "InstantTests.cs"),
            "namespace Clock.Tests;\n\npublic sealed class InstantTests\n{\n    public long Zero() => new Instant(0).Ticks;\n}\n");

        var path = Path.Combine(root, "Clock.sln");
        File.WriteAllText(path, """
            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio 14
            VisualStudioVersion = 14.0.25420.1
            MinimumVisualStudioVersion = 10.0.40219.1
            Project("{8BB2217D-0F2D-49D1-97BC-3654ED321F3B}") = "Clock", "src\Clock\Clock.xproj", "{803CD13A-D54B-4CEC-A55F-E22AE3D93B3C}"
            EndProject
            Project("{8BB2217D-0F2D-49D1-97BC-3654ED321F3B}") = "Clock.Tests", "test\Clock.Tests\Clock.Tests.xproj", "{3C2D8E01-5580-426A-BDD9-EC59CD98E618}"
            EndProject
            Global
            EndGlobal

            """);
        return path;
    }

    private static void WriteProject(string root, string folder, string name, string projectJson)
    {
        var full = Path.Combine(root, folder);
        Directory.CreateDirectory(full);
        File.WriteAllText(Path.Combine(full, $"{name}.xproj"), """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="14.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <Import Project="$(VSToolsPath)\DotNet\Microsoft.DotNet.Props" Condition="'$(VSToolsPath)' != ''" />
              <Import Project="$(VSToolsPath)\DotNet\Microsoft.DotNet.targets" Condition="'$(VSToolsPath)' != ''" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(full, "project.json"), projectJson);
    }
}

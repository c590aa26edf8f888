using System.Text;

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Writes a deterministic solution of any size: projects in a chain (each references the one before), each
/// with C# files in a few folders, whose types use their neighbours in the same project and the project
/// before, with bodies of varied length. Large enough to cut at any budget, and the same bytes on every run.
/// </summary>
internal static class SyntheticSolution
{
    /// <summary>Writes the solution under <paramref name="root"/> and returns the .slnx path.</summary>
    /// <param name="root">An empty folder.</param>
    /// <param name="projects">How many projects (named P0, P1, …).</param>
    /// <param name="filesPerProject">How many C# files each.</param>
    public static string Write(string root, int projects, int filesPerProject)
    {
        var solution = new StringBuilder("<Solution>\n");
        for (var p = 0; p < projects; p++)
        {
            var folder = Path.Combine(root, "src", $"P{p}");
            Directory.CreateDirectory(folder);
            var reference = p == 0 ? string.Empty : $"  <ItemGroup>\n    <ProjectReference Include=\"../P{p - 1}/P{p - 1}.csproj\" />\n  </ItemGroup>\n";
            File.WriteAllText(Path.Combine(folder, $"P{p}.csproj"), $"<Project Sdk=\"Microsoft.NET.Sdk\">\n{reference}</Project>\n");
            solution.Append($"  <Project Path=\"src/P{p}/P{p}.csproj\" />\n");
            for (var i = 0; i < filesPerProject; i++)
            {
                var area = $"Area{i % 4}";
                Directory.CreateDirectory(Path.Combine(folder, area));
                File.WriteAllText(Path.Combine(folder, area, $"{Name(p, i)}.cs"), Source(p, i, filesPerProject));
            }
        }

        var path = Path.Combine(root, "Synthetic.slnx");
        File.WriteAllText(path, solution.Append("</Solution>\n").ToString());
        return path;
    }

    /// <summary>The type declared by file <paramref name="i"/> of project <paramref name="p"/>.</summary>
    public static string Name(int p, int i) => $"Widget{p}x{i:D3}";

    /// <summary>The namespace of file <paramref name="i"/> of project <paramref name="p"/>.</summary>
    public static string Namespace(int p, int i) => $"Synthetic.P{p}.Area{i % 4}";

    private static string Source(int p, int i, int files)
    {
        var uses = new List<(int P, int I)> { (p, (i + 1) % files), (p, (i * 7 + 3) % files) };
        if (p > 0)
        {
            uses.Add((p - 1, i));
        }

        var text = new StringBuilder();
        foreach (var ns in uses.Where(u => Namespace(u.P, u.I) != Namespace(p, i)).Select(u => Namespace(u.P, u.I)).Distinct().Order(StringComparer.Ordinal))
        {
            text.Append($"using {ns};\n");
        }

        text.Append($"\nnamespace {Namespace(p, i)};\n\n/// <summary>Widget {i} of project {p}.</summary>\npublic sealed class {Name(p, i)}\n{{\n");
        foreach (var (up, ui) in uses)
        {
            text.Append($"    public {Name(up, ui)}? Use{Name(up, ui)} {{ get; set; }}\n\n");
        }

        // Bodies of varied length (a fixed sequence), so that files of one project differ in size.
        var methods = 1 + ((i * 37 + p * 11) % 9);
        for (var m = 0; m < methods; m++)
        {
            text.Append($"    /// <summary>Computes step {m}.</summary>\n    public int Step{m}(int value)\n    {{\n");
            for (var line = 0; line < 3 + ((m * 5 + i) % 7); line++)
            {
                text.Append($"        value = (value * {31 + line}) + {m + line}; // mixes step {m}, line {line}\n");
            }

            text.Append("        return value;\n    }\n\n");
        }

        return text.Append("}\n").ToString();
    }
}

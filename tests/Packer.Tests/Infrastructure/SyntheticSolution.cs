using System.Text;

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Writes a deterministic solution of any size: projects in a chain (each references the one before), each
/// with C# files in a few folders, whose types use their neighbours in the same project and the project
/// before, with bodies of varied length. Large enough to cut at any budget, and the same bytes on every run.
/// With <c>central</c> interfaces per project, the widgets also sit one folder deeper (<c>Area1/Part0</c>), and
/// each uses one of its project's interfaces (in <c>Contracts/</c>) and one of the project before's: a few types
/// that many files use, as in a real module.
/// </summary>
internal static class SyntheticSolution
{
    /// <summary>Writes the solution under <paramref name="root"/> and returns the .slnx path.</summary>
    /// <param name="root">An empty folder.</param>
    /// <param name="projects">How many projects (named P0, P1, …).</param>
    /// <param name="filesPerProject">How many C# files each.</param>
    /// <param name="central">How many central interfaces each project has (0: none, and the widgets one folder up).</param>
    public static string Write(string root, int projects, int filesPerProject, int central = 0)
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
                var area = central == 0 ? $"Area{i % 4}" : Path.Combine($"Area{i % 4}", $"Part{i / 4 % 2}");
                Directory.CreateDirectory(Path.Combine(folder, area));
                File.WriteAllText(Path.Combine(folder, area, $"{Name(p, i)}.cs"), Source(p, i, filesPerProject, central));
            }

            for (var k = 0; k < central; k++)
            {
                Directory.CreateDirectory(Path.Combine(folder, "Contracts"));
                File.WriteAllText(Path.Combine(folder, "Contracts", $"{CentralName(p, k)}.cs"), CentralSource(p, k));
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

    /// <summary>The central interface <paramref name="k"/> of project <paramref name="p"/> (in <c>Contracts/</c>).</summary>
    public static string CentralName(int p, int k) => $"IRegistry{p}x{k}";

    private static string CentralSource(int p, int k) =>
        $"namespace Synthetic.P{p}.Contracts;\n\n/// <summary>Registry {k} of project {p}, which its widgets use.</summary>\npublic interface {CentralName(p, k)}\n{{\n"
        + $"    /// <summary>Finds an entry.</summary>\n    int Find(int key);\n\n    /// <summary>Adds an entry.</summary>\n    void Add(int key, int value);\n}}\n";

    private static string Source(int p, int i, int files, int central)
    {
        var uses = new List<(int P, int I)> { (p, (i + 1) % files), (p, (i * 7 + 3) % files) };
        if (p > 0)
        {
            uses.Add((p - 1, i));
        }

        var registries = central == 0 ? [] : Enumerable.Range(Math.Max(0, p - 1), Math.Min(p, 1) + 1).Select(q => (P: q, K: i % central)).Reverse().ToList();
        var text = new StringBuilder();
        var namespaces = uses.Select(u => Namespace(u.P, u.I)).Concat(registries.Select(r => $"Synthetic.P{r.P}.Contracts"));
        foreach (var ns in namespaces.Where(n => n != Namespace(p, i)).Distinct().Order(StringComparer.Ordinal))
        {
            text.Append($"using {ns};\n");
        }

        text.Append($"\nnamespace {Namespace(p, i)};\n\n/// <summary>Widget {i} of project {p}.</summary>\npublic sealed class {Name(p, i)}\n{{\n");
        foreach (var (up, ui) in uses)
        {
            text.Append($"    public {Name(up, ui)}? Use{Name(up, ui)} {{ get; set; }}\n\n");
        }

        foreach (var (rp, rk) in registries)
        {
            text.Append($"    public {CentralName(rp, rk)}? {CentralName(rp, rk)[1..]} {{ get; set; }}\n\n");
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

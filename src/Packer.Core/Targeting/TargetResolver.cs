using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Targeting;

/// <summary>
/// Resolves target specs. Without a "project:", "file:", "type:", "namespace:" or "folder:" prefix a spec is
/// tried as a file, then a project, then a type, then a namespace, then a folder (last, so that a name that
/// was a project or a namespace before folders could be targets still is one). An unknown or ambiguous spec is a
/// <see cref="UsageException"/> listing up to ten close candidates.
/// </summary>
internal sealed class TargetResolver(LoadedSolution loaded, SyntaxIndex index, string workingDirectory)
{
    private const int MaxCandidates = 10;

    private readonly Dictionary<string, SourceFile> filesByPath = loaded.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);

    public IReadOnlyList<ResolvedTarget> ResolveAll(IReadOnlyList<TargetSpec> specs)
    {
        if (specs.Count == 0)
        {
            throw new UsageException("no target given. Name a project, file, type, namespace or folder with --target, or set 'targets' in packer.yaml.", DiagnosticCodes.NoTarget);
        }

        return specs.Select(Resolve).ToList();
    }

    public ResolvedTarget Resolve(TargetSpec spec)
    {
        var (kind, name) = spec;
        var resolved = kind switch
        {
            TargetKind.File => AsFile(name),
            TargetKind.Project => AsProject(name),
            TargetKind.Type => AsType(spec.Text, name),
            TargetKind.Namespace => AsNamespace(name),
            TargetKind.Folder => AsFolder(name),
            _ => AsFile(name) ?? AsProject(name) ?? AsType(spec.Text, name) ?? AsNamespace(name) ?? AsFolder(name),
        };
        return resolved is { Files.Count: > 0 }
            ? resolved with { Spec = spec.Text }
            : throw Unknown(spec.Text, kind, name);
    }

    private ResolvedTarget? AsFile(string name)
    {
        foreach (var candidate in new[] { Path.Combine(loaded.Root, name), Path.Combine(workingDirectory, name) })
        {
            var path = RepoPath.Relative(loaded.Root, candidate);
            if (path is not null && filesByPath.ContainsKey(path))
            {
                return new ResolvedTarget(name, TargetKind.File, [path]);
            }
        }

        return null;
    }

    private ResolvedTarget? AsProject(string name)
    {
        var project = loaded.Projects.FirstOrDefault(p => p.Name == name)
            ?? Single(loaded.Projects.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList());
        return project is null
            ? null
            : new ResolvedTarget(name, TargetKind.Project, loaded.Files.Where(f => f.Project == project.Name).Select(f => f.Path).ToList());
    }

    private ResolvedTarget? AsType(string spec, string name)
    {
        var clean = StripArity(name);
        var exact = index.TypeDeclarations.Where(t => t.Key == clean).ToList();
        var matches = exact.Count > 0
            ? exact
            : index.TypeDeclarations.Where(t => t.Key.EndsWith("." + clean, StringComparison.Ordinal)).ToList();
        var fullNames = matches.Select(m => m.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (fullNames.Count > 1)
        {
            throw new UsageException(
                $"target '{spec}' is ambiguous: {fullNames.Count} types match. Give the full name, e.g. one of: "
                + string.Join(", ", fullNames.Take(MaxCandidates)) + (fullNames.Count > MaxCandidates ? ", ..." : "."),
                DiagnosticCodes.AmbiguousTarget);
        }

        return fullNames.Count == 0
            ? null
            : new ResolvedTarget(name, TargetKind.Type, [.. matches.SelectMany(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private ResolvedTarget? AsNamespace(string name)
    {
        var files = loaded.Files
            .Where(f => index[f.Path]?.Namespaces.Any(ns => ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal)) == true)
            .Select(f => f.Path)
            .ToList();
        return files.Count == 0 ? null : new ResolvedTarget(name, TargetKind.Namespace, files);
    }

    // A folder, relative to the repository root or to the working folder: the solution's files under it, at any depth.
    private ResolvedTarget? AsFolder(string name)
    {
        foreach (var candidate in new[] { Path.Combine(loaded.Root, name), Path.Combine(workingDirectory, name) })
        {
            if (Directory.Exists(candidate) && RepoPath.Relative(loaded.Root, candidate) is { } folder)
            {
                var files = loaded.Files.Where(f => f.Path.StartsWith(folder + "/", StringComparison.Ordinal)).Select(f => f.Path).ToList();
                if (files.Count > 0)
                {
                    return new ResolvedTarget(name, TargetKind.Folder, files);
                }
            }
        }

        return null;
    }

    private static string StripArity(string name)
    {
        var angle = name.IndexOf('<', StringComparison.Ordinal);
        return angle > 0 ? name[..angle] : name;
    }

    private static T? Single<T>(IReadOnlyList<T> items) where T : class => items.Count == 1 ? items[0] : null;

    private UsageException Unknown(string spec, TargetKind? kind, string name)
    {
        var pool = new List<string>();
        if (kind is null or TargetKind.Project)
        {
            pool.AddRange(loaded.Projects.Select(p => p.Name));
        }

        if (kind is null or TargetKind.Type)
        {
            pool.AddRange(index.TypeDeclarations.Keys);
        }

        if (kind is null or TargetKind.Namespace)
        {
            pool.AddRange(loaded.Files.SelectMany(f => index[f.Path]?.Namespaces ?? []));
        }

        if (kind is null or TargetKind.File)
        {
            pool.AddRange(loaded.Files.Select(f => f.Path));
        }

        if (kind is TargetKind.Folder)
        {
            pool.AddRange(loaded.Files.Select(f => RepoPath.Directory(f.Path)).Where(d => d.Length > 0));
        }

        var candidates = Closest(pool.Distinct(StringComparer.Ordinal), name);
        var what = kind is null ? "project, file, type, namespace or folder" : kind.ToString()!.ToLowerInvariant();
        var hint = candidates.Count == 0 ? string.Empty : " Close candidates: " + string.Join(", ", candidates) + ".";
        return new UsageException($"target '{spec}' matches no {what} in {loaded.SolutionPath}.{hint}", DiagnosticCodes.UnknownTarget);
    }

    private static List<string> Closest(IEnumerable<string> pool, string name)
    {
        var needle = name.ToLowerInvariant();
        return pool
            .Select(c => (Name: c, Last: c[(Math.Max(c.LastIndexOf('.'), c.LastIndexOf('/')) + 1)..].ToLowerInvariant()))
            .Select(c => (c.Name, Distance: Math.Min(
                Similarity.EditDistance(c.Name.ToLowerInvariant(), needle),
                c.Last.Contains(needle, StringComparison.Ordinal) || needle.Contains(c.Last, StringComparison.Ordinal) ? 1 : Similarity.EditDistance(c.Last, needle))))
            .Where(c => c.Distance <= Math.Max(2, needle.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(MaxCandidates)
            .Select(c => c.Name)
            .ToList();
    }
}

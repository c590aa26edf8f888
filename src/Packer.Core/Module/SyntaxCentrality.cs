using Packer.Core.Graph;

namespace Packer.Core.Module;

/// <summary>
/// Measures, without binding anything, how central each target file is: how many files (inside the targets and
/// outside them) spell the names of the types it declares, from the solution's <see cref="SyntaxIndex"/>. A name
/// that several files declare (a Program, an entity and its database model) shares its mentions among them. It
/// is cheap for thousands of files, and it picks the few the semantic model then binds.
/// </summary>
internal static class SyntaxCentrality
{
    /// <summary>Measures every target file.</summary>
    /// <param name="index">The solution's syntax index.</param>
    /// <param name="solutionFiles">Every C# file of the solution, sorted (to count the files declaring each name).</param>
    /// <param name="targets">The target files, sorted.</param>
    /// <param name="length">A file's length in characters.</param>
    public static IReadOnlyDictionary<string, FileCentrality> Measure(
        SyntaxIndex index, IReadOnlyList<string> solutionFiles, IReadOnlyList<string> targets, Func<string, int> length)
    {
        var declarers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in solutionFiles)
        {
            foreach (var name in TypeNames(index[path]).Select(t => t.Name).Distinct(StringComparer.Ordinal))
            {
                declarers[name] = declarers.GetValueOrDefault(name) + 1;
            }
        }

        var inTargets = targets.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, FileCentrality>(StringComparer.Ordinal);
        foreach (var path in targets)
        {
            var names = TypeNames(index[path]);
            var referrers = new HashSet<string>(StringComparer.Ordinal);
            var mentions = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var name in names.Select(t => t.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var spelling = index.FilesMentioning(name);
                var others = spelling.Count - (Contains(spelling, path) ? 1 : 0);
                mentions[name] = (double)others / Math.Max(1, declarers.GetValueOrDefault(name));
                referrers.UnionWith(spelling);
            }

            referrers.Remove(path);
            var inside = referrers.Count(inTargets.Contains);
            var topLevel = names.Where(t => t.TopLevel).Select(t => t.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            result[path] = new FileCentrality(
                path,
                Math.Round(mentions.Values.Sum(), 6),
                inside,
                referrers.Count - inside,
                topLevel.Exists(IsInterfaceName),
                topLevel.Exists(IsEntryPointName),
                length(path) / 4,
                topLevel.Select(n => new TypeMentions(n, Math.Round(mentions[n], 6))).ToList());
        }

        return result;
    }

    /// <summary>Tells whether a type name is spelt as an interface's usually is (IName).</summary>
    public static bool IsInterfaceName(string name) => name.Length > 2 && name[0] == 'I' && char.IsUpper(name[1]) && char.IsLower(name[2]);

    /// <summary>Tells whether a type name is an application's entry point: its Program, its Startup, a controller.</summary>
    public static bool IsEntryPointName(string name) =>
        name is "Program" or "Startup" || (name.Length > "Controller".Length && name.EndsWith("Controller", StringComparison.Ordinal));

    // The simple names of the types a file declares, and whether each is top-level (not nested in another of its types).
    private static IEnumerable<(string Name, bool TopLevel)> TypeNames(FileSyntax? syntax)
    {
        if (syntax is null)
        {
            return [];
        }

        var types = syntax.Types.ToHashSet(StringComparer.Ordinal);
        return syntax.Types.Select(full =>
        {
            var dot = full.LastIndexOf('.');
            return (dot < 0 ? full : full[(dot + 1)..], dot < 0 || !types.Contains(full[..dot]));
        });
    }

    private static bool Contains(IReadOnlyList<string> sorted, string path)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(sorted[middle], path);
            if (order == 0)
            {
                return true;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }
}

using Packer.Core.Graph;
using Packer.Core.Text;

namespace Packer.Core.Ranking;

/// <summary>
/// How a file's names relate to the targets': the words of its file name (OrderHandler and OrderValidator share
/// "order"), its namespace, and how widely the names it declares are spelled across the solution.
/// One instance serves one thread (it keeps a scratch array).
/// </summary>
internal sealed class NameAffinity
{
    private readonly SyntaxIndex index;
    private readonly List<HashSet<string>> targetWords;
    private readonly Dictionary<string, List<int>> targetsWithWord = new(StringComparer.Ordinal);
    private readonly int[] shared; // per target, the words it shares with the file being measured (zero between calls)
    private readonly List<string> targetSubjects;
    private readonly HashSet<string> targetSuffixes;
    private readonly List<string[]> targetNamespaces;

    public NameAffinity(SyntaxIndex index, IReadOnlyList<string> targets)
    {
        this.index = index;
        var words = targets.Select(FileNames.Words).ToList();
        targetWords = words.Select(w => w.ToHashSet(StringComparer.Ordinal)).ToList();
        shared = new int[targetWords.Count];
        for (var i = 0; i < targetWords.Count; i++)
        {
            foreach (var word in targetWords[i])
            {
                if (!targetsWithWord.TryGetValue(word, out var list))
                {
                    targetsWithWord[word] = list = [];
                }

                list.Add(i);
            }
        }

        targetSubjects = targets.Select(t => FileNames.Subject(RepoPath.Stem(t))).Where(s => s.Length >= 4).ToList();
        targetSuffixes = words.Where(w => w.Count > 1).Select(w => w[^1]).ToHashSet(StringComparer.Ordinal);
        targetNamespaces = targets
            .SelectMany(t => index[t]?.Namespaces ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(Segments)
            .ToList();
    }

    /// <summary>
    /// The best overlap of its file name's words with a target's (Jaccard similarity of the two sets), in [0, 1]. Only
    /// the targets sharing a word are compared, so a target of thousands of files costs what a few do.
    /// </summary>
    public double Words(string path)
    {
        var words = FileNames.Words(path).ToHashSet(StringComparer.Ordinal);
        var touched = new List<int>();
        foreach (var word in words)
        {
            foreach (var target in targetsWithWord.GetValueOrDefault(word) ?? [])
            {
                if (shared[target]++ == 0)
                {
                    touched.Add(target);
                }
            }
        }

        var best = 0.0;
        foreach (var target in touched)
        {
            var common = shared[target];
            shared[target] = 0;
            best = Math.Max(best, (double)common / (words.Count + targetWords[target].Count - common));
        }

        return best;
    }

    /// <summary>Whether its file name contains a target's (of four letters or more), or the other way round.</summary>
    public bool Contains(string path)
    {
        var subject = FileNames.Subject(RepoPath.Stem(path));
        return subject.Length >= 4 && targetSubjects.Any(t =>
            t != subject && (subject.Contains(t, StringComparison.Ordinal) || t.Contains(subject, StringComparison.Ordinal)));
    }

    /// <summary>Whether the last word of its file name is that of a target's (of two words or more).</summary>
    public bool SameSuffix(string path)
    {
        var words = FileNames.Words(path);
        return words.Count > 1 && targetSuffixes.Contains(words[^1]);
    }

    /// <summary>Namespace steps to the nearest target namespace, or -1 when either side declares none.</summary>
    public int NamespaceDistance(string path)
    {
        if (index[path] is not { Namespaces.Count: > 0 } syntax || targetNamespaces.Count == 0)
        {
            return -1;
        }

        var best = int.MaxValue;
        foreach (var ns in syntax.Namespaces)
        {
            var segments = Segments(ns);
            foreach (var target in targetNamespaces)
            {
                var common = 0;
                while (common < segments.Length && common < target.Length && segments[common] == target[common])
                {
                    common++;
                }

                best = Math.Min(best, segments.Length - common + target.Length - common);
            }
        }

        return best;
    }

    /// <summary>The share of the solution's C# files that spell the most widely spelled type name it declares.</summary>
    public double Mentions(string path)
    {
        if (index[path] is not { } syntax || index.Count == 0)
        {
            return 0;
        }

        var most = 0;
        foreach (var type in syntax.Types)
        {
            most = Math.Max(most, index.DocumentFrequency(type[(type.LastIndexOf('.') + 1)..]));
        }

        return (double)most / index.Count;
    }

    private static string[] Segments(string ns) => ns.Length == 0 ? [] : ns.Split('.');
}

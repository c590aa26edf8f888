using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Core.Ranking;
using Packer.Core.Text;

namespace Packer.Core.Localization;

/// <summary>
/// Finds the files a task's text points at, from what the syntax index already holds (no binding): Okapi BM25 of
/// the task's words against each file's path and words (identifiers, comments, string literals), the types and
/// members it declares that the task names whole, the stack frames that name it, the messages it spells, its file
/// name. The best matches become the anchors the dependency graph is walked from (<see cref="TaskMatch.Anchors"/>).
/// </summary>
internal static class TaskLocalizer
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int PathWeight = 3;
    private const int MaxMemberFiles = 10;
    private const int MaxLiteralCandidates = 200;

    /// <summary>Matches a task against every file of a solution.</summary>
    /// <param name="task">The task's text, read.</param>
    /// <param name="files">Every file of the solution (C# and extra files), in path order.</param>
    /// <param name="index">The syntax index.</param>
    /// <param name="read">Reads a file's text (for messages the task quotes), or null when it cannot be read.</param>
    /// <param name="weights">The fitted weights (the anchors are chosen by the text features' part).</param>
    public static TaskMatch Match(TaskText task, IReadOnlyList<SourceFile> files, SyntaxIndex index, Func<string, string?> read, TaskWeights weights)
    {
        var paths = files.Select(f => f.Path).ToList();
        var features = paths.ToDictionary(p => p, _ => new double[TaskFeatures.Names.Count], StringComparer.Ordinal);
        var matched = paths.ToDictionary(p => p, _ => new List<(double Strength, string What)>(), StringComparer.Ordinal);
        void Set(string path, string feature, double value, string what)
        {
            var f = features[path];
            var k = TaskFeatures.Index(feature);
            if (value > f[k])
            {
                f[k] = value;
                matched[path].Add((value * Strength(feature), what));
            }
        }

        var types = SimpleTypeNames(index);
        Bm25(task, paths, index, features, matched);
        Declarations(task, index, types, Set);
        Frames(task, paths, index, types, Set);
        Literals(task, paths, index, read, Set);
        foreach (var path in paths)
        {
            NamedFile(task, path, index, Set);
            features[path][TaskFeatures.Index("test")] = FileNames.IsTest(path) ? 1 : 0;
        }

        Uses(task, paths, index, types, features);
        RankBm25(features);

        var evidence = paths.ToDictionary(
            p => p,
            p => new TaskEvidence(p, [.. features[p].Select(Round)], [.. matched[p].OrderByDescending(m => m.Strength).Select(m => m.What).Distinct(StringComparer.Ordinal).Take(4)]),
            StringComparer.Ordinal);
        return new TaskMatch(evidence, Anchors(evidence, weights));
    }

    // The anchors: the few files the text alone matches best, those within e² of the best's odds.
    private static IReadOnlyList<string> Anchors(Dictionary<string, TaskEvidence> evidence, TaskWeights weights)
    {
        var scored = evidence.Values
            .Where(e => Enumerable.Range(0, TaskFeatures.TextCount).Any(k => e.Features[k] > 0 && TaskFeatures.Names[k] != "test"))
            .Select(e => (e.Path, Logit: weights.TextLogit(e.Features)))
            .OrderByDescending(x => x.Logit).ThenBy(x => x.Path, StringComparer.Ordinal)
            .ToList();
        return scored.Count == 0 ? []
            : [.. scored.TakeWhile(x => x.Logit >= scored[0].Logit - weights.AnchorMargin).Take(weights.MaxAnchors).Select(x => x.Path).Order(StringComparer.Ordinal)];
    }

    private static void Bm25(TaskText task, List<string> paths, SyntaxIndex index, Dictionary<string, double[]> features, Dictionary<string, List<(double, string)>> matched)
    {
        var terms = task.Terms.Keys.ToList();
        if (terms.Count == 0)
        {
            return;
        }

        var pathWords = paths.ToDictionary(p => p, p => Words.Of(p).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() * PathWeight, StringComparer.Ordinal), StringComparer.Ordinal);
        int Count(string path, string term) =>
            pathWords[path].GetValueOrDefault(term) + (index[path]?.Words is { } words && words.TryGetValue(term, out var c) ? c : 0);
        var counts = paths.ToDictionary(p => p, p => terms.Select(t => Count(p, t)).ToArray(), StringComparer.Ordinal);
        var lengths = paths.ToDictionary(p => p, p => pathWords[p].Values.Sum() + (index[p]?.Words.Values.Sum() ?? 0), StringComparer.Ordinal);
        var average = Math.Max(1, lengths.Values.Average());
        var n = paths.Count;
        var idf = terms.Select((_, j) =>
        {
            var df = paths.Count(p => counts[p][j] > 0);
            return df == 0 ? 0 : Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        }).ToArray();

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var top = new Dictionary<string, List<(double Part, string Term)>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var norm = K1 * (1 - B + (B * lengths[path] / average));
            var parts = new List<(double Part, string Term)>();
            for (var j = 0; j < terms.Count; j++)
            {
                var c = counts[path][j];
                if (c > 0 && idf[j] > 0)
                {
                    parts.Add((idf[j] * c * (K1 + 1) / (c + norm), terms[j]));
                }
            }

            scores[path] = parts.Sum(p => p.Part);
            top[path] = parts;
        }

        var best = scores.Values.DefaultIfEmpty(0).Max();
        if (best <= 0)
        {
            return;
        }

        var k = TaskFeatures.Index("bm25");
        foreach (var path in paths.Where(p => scores[p] > 0))
        {
            features[path][k] = scores[path] / best;
            var words = top[path].OrderByDescending(p => p.Part).ThenBy(p => p.Term, StringComparer.Ordinal).Take(5).Select(p => p.Term);
            matched[path].Add((scores[path] / best, "words: " + string.Join(", ", words)));
        }
    }

    // A type the task names whole (Table, Vocabulary) and the member it names (Pluralize), where they are declared.
    private static void Declarations(TaskText task, SyntaxIndex index, Dictionary<string, List<string>> bySimpleName, Action<string, string, double, string> set)
    {
        var byMember = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in index.Files)
        {
            foreach (var member in file.Members)
            {
                (byMember.TryGetValue(member, out var list) ? list : byMember[member] = []).Add(file.Path);
            }
        }

        foreach (var name in task.Names)
        {
            var weight = Specificity(index, name);
            if (bySimpleName.TryGetValue(name, out var declaring))
            {
                foreach (var path in declaring)
                {
                    set(path, "declares", weight / declaring.Count, "declares " + name);
                }
            }

            if (name.Length >= 4 && !Words.IsStop(name.ToLowerInvariant()) && byMember.TryGetValue(name, out var members) && members.Count <= MaxMemberFiles)
            {
                foreach (var path in members)
                {
                    set(path, "member", weight / members.Count, "declares member " + name);
                }
            }
        }
    }

    // A frame names its file exactly, or its type (and method) where they are declared; the first frames weigh most.
    private static void Frames(TaskText task, List<string> paths, SyntaxIndex index, Dictionary<string, List<string>> bySimpleName, Action<string, string, double, string> set)
    {
        var rank = 0;
        foreach (var frame in task.Frames)
        {
            var simple = frame.Type[(frame.Type.LastIndexOf('.') + 1)..];
            var declaring = index.TypeDeclarations.TryGetValue(frame.Type, out var exact) ? exact
                : bySimpleName.TryGetValue(simple, out var bySimple) ? bySimple : [];
            var byPath = frame.File is { } file ? paths.Where(p => file.EndsWith("/" + p, StringComparison.Ordinal) || file == p).ToList() : [];
            if (declaring.Count == 0 && byPath.Count == 0)
            {
                continue;
            }

            var decay = Math.Pow(0.85, rank++);
            foreach (var path in byPath)
            {
                set(path, "frame", decay, "stack frame " + frame.Display);
            }

            foreach (var path in declaring)
            {
                var withMember = index[path]?.Members.Contains(frame.Member, StringComparer.Ordinal) == true;
                set(path, "frame", (withMember ? 1.0 : 0.6) * decay, "stack frame " + frame.Display);
            }
        }
    }

    // A message the task quotes, found in a file's text: each piece of it between quotes, braces and digits (where
    // the reporter's values stood) that is long enough to say something, in the files that spell all its words.
    private static void Literals(TaskText task, List<string> paths, SyntaxIndex index, Func<string, string?> read, Action<string, string, double, string> set)
    {
        foreach (var fragment in task.Phrases.SelectMany(Fragments).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var words = Words.Of(fragment);
            if (words.Count < 2)
            {
                continue;
            }

            var candidates = paths.Where(p => index[p] is { } s && words.All(s.Words.ContainsKey)).Take(MaxLiteralCandidates + 1).ToList();
            if (candidates.Count > MaxLiteralCandidates)
            {
                continue;
            }

            var containing = candidates.Where(p => read(p)?.Contains(fragment, StringComparison.Ordinal) == true).ToList();
            foreach (var path in containing)
            {
                set(path, "literal", 1.0 / containing.Count, $"message \"{Shorten(fragment)}\"");
            }
        }
    }

    private static IEnumerable<string> Fragments(string phrase) =>
        phrase.Split(['\'', '"', '{', '}', '`', '(', ')', '[', ']', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], StringSplitOptions.TrimEntries)
            .Select(f => f.TrimEnd('.', ',', ':', ';', ' '))
            .Where(f => f.Length >= 12);

    // How much naming something says: 1 for a name one file spells, less the more files spell it (Logger in a logging
    // library, Table in a table library), so that a task's passing mention of the solution's central type weighs little.
    private static double Specificity(SyntaxIndex index, string name) => index.Specificity(name) / Math.Log(1.0 + Math.Max(1, index.Count));

    private static void NamedFile(TaskText task, string path, SyntaxIndex index, Action<string, string, double, string> set)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (task.FileNames.Contains(name.ToLowerInvariant(), StringComparer.Ordinal))
        {
            set(path, "fileName", 1, "names " + name);
            return;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length >= 4 && task.Names.Contains(stem, StringComparer.Ordinal))
        {
            set(path, "fileName", 0.5 * Specificity(index, stem), "names " + stem);
        }
    }

    // How much of what the task names (the solution's types it spells) a file uses without declaring, rare names weighing more.
    private static void Uses(TaskText task, List<string> paths, SyntaxIndex index, Dictionary<string, List<string>> bySimpleName, Dictionary<string, double[]> features)
    {
        var named = task.Names.Where(bySimpleName.ContainsKey).Select(n => (Name: n, Weight: index.Specificity(n))).ToList();
        var total = named.Sum(n => n.Weight);
        if (total <= 0)
        {
            return;
        }

        var k = TaskFeatures.Index("uses");
        foreach (var path in paths)
        {
            if (index[path] is { } syntax)
            {
                features[path][k] = named.Where(n => syntax.Identifiers.ContainsKey(n.Name) && !syntax.DeclaredNames.Contains(n.Name, StringComparer.Ordinal)).Sum(n => n.Weight) / total;
            }
        }
    }

    // 1 / (1 + how many files score higher): equal scores share a place.
    private static void RankBm25(Dictionary<string, double[]> features)
    {
        var (k, r) = (TaskFeatures.Index("bm25"), TaskFeatures.Index("bm25Rank"));
        var descending = features.Values.Select(f => f[k]).Where(v => v > 0).OrderDescending().ToList();
        foreach (var f in features.Values.Where(f => f[k] > 0))
        {
            f[r] = TaskFeatures.Rank(descending, f[k]);
        }
    }

    private static Dictionary<string, List<string>> SimpleTypeNames(SyntaxIndex index)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (type, declaring) in index.TypeDeclarations.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var simple = type[(type.LastIndexOf('.') + 1)..];
            var list = map.TryGetValue(simple, out var l) ? l : map[simple] = [];
            list.AddRange(declaring.Where(p => !list.Contains(p, StringComparer.Ordinal)));
        }

        return map;
    }

    // How strongly each kind of match speaks, to order what the manifest shows.
    private static double Strength(string feature) => feature switch
    {
        "frame" => 5,
        "literal" => 4,
        "fileName" => 3,
        "declares" => 2.5,
        "member" => 2,
        _ => 1,
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static double Round(double value) => Math.Round(value, 6);
}

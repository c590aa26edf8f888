namespace Packer.Core.Text;

/// <summary>
/// A repository-relative glob: <c>*</c> matches within one folder, <c>**</c> across folders, <c>?</c> one
/// character, <c>[…]</c> one character of a set (<c>[Bb]in</c>, <c>[0-9]</c>, <c>[!.]</c>; a <c>[</c> with no
/// closing <c>]</c> is itself). Matching is ordinal and case-sensitive, so it behaves the same on every machine. A glob is run as a
/// set of states over its steps, never by backtracking, so matching costs at most the path's length times the
/// glob's, whatever either holds (a packer.yaml comes from the repository, and <c>**a**a**a…</c> must not hang).
/// </summary>
internal sealed class Glob
{
    private readonly GlobStep[] steps;
    private readonly char[] literals;
    private readonly CharClass?[] classes;

    private Glob(string pattern, GlobStep[] steps, char[] literals, CharClass?[] classes)
    {
        Pattern = pattern;
        this.steps = steps;
        this.literals = literals;
        this.classes = classes;
    }

    /// <summary>Gets the pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Compiles a pattern.</summary>
    public static Glob Parse(string pattern)
    {
        var text = pattern.Replace('\\', '/').TrimStart('/');
        var steps = new List<GlobStep>(text.Length);
        var literals = new List<char>(text.Length);
        var classes = new List<CharClass?>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var step = GlobStep.Literal;
            if (c == '[' && CharClass.Parse(text, i) is var (set, end))
            {
                steps.Add(GlobStep.Class);
                literals.Add('\0');
                classes.Add(set);
                i = end;
                continue;
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                step = slash ? GlobStep.Folders : GlobStep.Any;
                i += slash ? 2 : 1;
            }
            else if (c is '*' or '?')
            {
                step = c == '*' ? GlobStep.Star : GlobStep.One;
            }

            steps.Add(step);
            literals.Add(step == GlobStep.Literal ? c : '\0');
            classes.Add(null);
        }

        return new Glob(pattern, [.. steps], [.. literals], [.. classes]);
    }

    /// <summary>Tells whether a repository-relative path matches.</summary>
    public bool IsMatch(string path)
    {
        // live[i]: the path read so far can end just before step i (live[steps.Length]: the whole glob matched);
        // live[steps.Length + 1 + i]: it can end inside a **/ at step i, which has read something but no / last.
        var width = steps.Length + 1;
        var live = new bool[width * 2];
        var next = new bool[width * 2];
        live[0] = true;
        SkipEmpty(live);
        foreach (var c in path)
        {
            Array.Clear(next);
            for (var i = 0; i < steps.Length; i++)
            {
                if (live[i] || live[width + i])
                {
                    Advance(i, c, next, width);
                }
            }

            if (Array.IndexOf(next, true) < 0)
            {
                return false;
            }

            SkipEmpty(next);
            (live, next) = (next, live);
        }

        return live[steps.Length];
    }

    private void Advance(int i, char c, bool[] next, int width)
    {
        switch (steps[i])
        {
            case GlobStep.Literal:
                next[i + 1] |= c == literals[i];
                break;
            case GlobStep.One:
                next[i + 1] |= c != '/';
                break;
            case GlobStep.Class:
                next[i + 1] |= c != '/' && classes[i]!.Contains(c);
                break;
            case GlobStep.Star:
                next[i] |= c != '/';
                break;
            case GlobStep.Any:
                next[i] = true;
                break;
            case GlobStep.Folders:
                next[width + i] = true;
                next[i + 1] |= c == '/';
                break;
        }
    }

    private void SkipEmpty(bool[] states)
    {
        // The steps that may match nothing pass their state on; forward only, so one pass in order is enough.
        for (var i = 0; i < steps.Length; i++)
        {
            if (states[i] && steps[i] is GlobStep.Star or GlobStep.Any or GlobStep.Folders)
            {
                states[i + 1] = true;
            }
        }
    }
}

/// <summary>The characters a <c>[…]</c> of a <see cref="Glob"/> matches: single characters and ranges, or all others.</summary>
internal sealed class CharClass
{
    private readonly (char From, char To)[] ranges;
    private readonly bool negated;

    private CharClass((char From, char To)[] ranges, bool negated)
    {
        this.ranges = ranges;
        this.negated = negated;
    }

    /// <summary>Reads the class that opens at <paramref name="open"/> (a <c>[</c>); null when no <c>]</c> closes it.</summary>
    /// <returns>The class, and the index of its closing <c>]</c>.</returns>
    public static (CharClass Set, int End)? Parse(string text, int open)
    {
        var i = open + 1;
        var negated = i < text.Length && text[i] is '!' or '^';
        i += negated ? 1 : 0;
        var ranges = new List<(char, char)>();
        for (var first = true; i < text.Length; first = false)
        {
            var c = text[i];
            if (c == ']' && !first)
            {
                return (new CharClass([.. ranges], negated), i);
            }

            if (c == '/')
            {
                return null; // a class never spans a folder separator
            }

            if (i + 2 < text.Length && text[i + 1] == '-' && text[i + 2] != ']')
            {
                ranges.Add((c, text[i + 2]));
                i += 3;
            }
            else
            {
                ranges.Add((c, c));
                i++;
            }
        }

        return null;
    }

    /// <summary>Tells whether the class matches a character.</summary>
    public bool Contains(char c) => ranges.Any(r => c >= r.From && c <= r.To) != negated;
}

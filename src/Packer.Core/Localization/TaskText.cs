using System.Text.RegularExpressions;
using Packer.Core.Text;

namespace Packer.Core.Localization;

/// <summary>
/// What a task's text says that code can be matched against: its words (for BM25), the names it spells whole
/// (types, members), the stack-trace frames it pastes, the messages and code spans it quotes, and the file names
/// it mentions. Read from text alone, deterministically; a task longer than <see cref="MaxLength"/> characters is
/// read up to there.
/// </summary>
public sealed partial record TaskText
{
    /// <summary>How much of a task is read, in characters: an issue's first post is rarely a tenth of it.</summary>
    public const int MaxLength = 32_000;

    private const int MaxFrames = 64;
    private const int MinPhrase = 12;

    /// <summary>Gets the task's words with how often each occurs (<see cref="Words"/>).</summary>
    public required IReadOnlyDictionary<string, int> Terms { get; init; }

    /// <summary>Gets the identifiers the task spells whole (in code spans, stack frames or prose), case kept, sorted.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>Gets the stack frames pasted into the task, in order.</summary>
    public required IReadOnlyList<StackFrame> Frames { get; init; }

    /// <summary>Gets the quoted messages and code spans, at least a dozen characters each, sorted.</summary>
    public required IReadOnlyList<string> Phrases { get; init; }

    /// <summary>Gets the file names the task mentions (<c>Table.cs</c>, <c>src/A/B.cs</c> → <c>B.cs</c>), lower case, sorted.</summary>
    public required IReadOnlyList<string> FileNames { get; init; }

    /// <summary>Gets a value indicating whether the task says nothing code could be matched with ("thanks", "continue").</summary>
    public bool IsEmpty => Terms.Count == 0 && Names.Count == 0 && Frames.Count == 0;

    /// <summary>Reads a task's text.</summary>
    public static TaskText Parse(string text)
    {
        text = text.Length > MaxLength ? text[..MaxLength] : text;
        var prose = WithoutMarkup(text);
        var terms = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Words.Each(prose, w => terms[w] = terms.GetValueOrDefault(w) + 1);
        var frames = Matches(Frame(), text).Take(MaxFrames).Select(ToFrame).OfType<StackFrame>().ToList();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var m in Matches(Identifier(), prose))
        {
            names.Add(m.Value);
        }

        foreach (var frame in frames)
        {
            names.UnionWith(frame.Type.Split('.').Append(frame.Member));
        }

        var phrases = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var quoted in new[] { Quoted(), CodeSpan(), Message() }.SelectMany(r => Matches(r, text)))
        {
            var phrase = quoted.Groups["text"].Value.Trim();
            if (phrase.Length >= MinPhrase && !phrase.Contains('\n', StringComparison.Ordinal))
            {
                phrases.Add(phrase);
            }
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var m in Matches(FileName(), text))
        {
            files.Add(m.Groups["name"].Value.ToLowerInvariant());
        }

        return new TaskText { Terms = terms, Names = [.. names], Frames = frames, Phrases = [.. phrases], FileNames = [.. files] };
    }

    // Every pattern here is linear on any text; the time limit is a second guard, and a pattern that hits it finds nothing.
    private static List<Match> Matches(Regex regex, string text)
    {
        try
        {
            return [.. regex.Matches(text).Cast<Match>()];
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    private static string WithoutMarkup(string text)
    {
        try
        {
            return Markup().Replace(text, " ");
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    // "Ns.Type`1+Nested.<Method>d__5.MoveNext" → (Ns.Type.Nested, Method); "Ns.Type.Method" → (Ns.Type, Method).
    private static StackFrame? ToFrame(Match m)
    {
        var name = m.Groups["name"].Value.Replace('+', '.');
        name = Arity().Replace(name, string.Empty);
        var generated = name.IndexOf(".<", StringComparison.Ordinal);
        var constructor = name.EndsWith("..ctor", StringComparison.Ordinal) ? 6 : name.EndsWith("..cctor", StringComparison.Ordinal) ? 7 : 0;
        string type, member;
        if (constructor > 0)
        {
            // Ns.Type..ctor: the type's constructor, declared where the type is
            type = name[..^constructor];
            member = type[(type.LastIndexOf('.') + 1)..];
        }
        else if (generated >= 0)
        {
            type = name[..generated];
            var close = name.IndexOf('>', generated);
            member = close > generated + 2 ? name[(generated + 2)..close] : string.Empty;
        }
        else
        {
            var dot = name.LastIndexOf('.');
            (type, member) = dot > 0 ? (name[..dot], name[(dot + 1)..]) : (string.Empty, name);
        }

        member = member.Trim('<', '>');
        if (type.Length == 0 || member.Length == 0)
        {
            return null;
        }

        var file = m.Groups["file"].Success ? m.Groups["file"].Value.Trim().Replace('\\', '/') : null;
        int? line = m.Groups["line"].Success && int.TryParse(m.Groups["line"].ValueSpan, out var l) ? l : null;
        return new StackFrame(type, member, file, line);
    }

    [GeneratedRegex(@"(?m)^[ \t>]*at (?<name>[\w.`<>+$]+?)(?:\[[^\]\r\n]*\])?\((?<args>[^)\r\n]*)\)(?: in (?<file>[^\r\n]+?):line (?<line>\d+))?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Frame();

    // Addresses and HTML tags (an image pasted into an issue) are not words of the task.
    [GeneratedRegex(@"\b(?:https?|ftp)://[^\s)\]>""']*|<[A-Za-z/!][^<>\r\n]{0,500}>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Markup();

    [GeneratedRegex(@"`\d+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Arity();

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]{2,}\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"""(?<text>[^""\r\n]{12,300})""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<!`)`(?<text>[^`\r\n]{12,300})`(?!`)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\b\w*Exception: (?<text>[^\r\n]{12,300})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Message();

    [GeneratedRegex(@"(?<![\w.])(?:[\w.-]+[/\\])*(?<name>[A-Za-z_][\w.-]*\.(?:cs|csproj|razor|cshtml))\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex FileName();
}

namespace Packer.Core.Rendering;

/// <summary>
/// What every bundle says in its first lines, and nothing a person writes by hand does: the tool's name as the
/// generator (an XML attribute, a JSON key, a Markdown comment). <see cref="Output.OutputGuard"/> replaces an
/// existing file without --force only when it carries this, so a user's notes that merely begin like a bundle
/// (<c>## TODO</c>) are never overwritten.
/// </summary>
public static class BundleSignature
{
    /// <summary>The generator's name, as the bundle's header gives it.</summary>
    public const string Generator = "dotnet-pack-context";

    /// <summary>The line after a Markdown bundle's title.</summary>
    public const string MarkdownLine = "<!-- generator: " + Generator + " -->";

    private const string XmlProlog = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    private const string AnthropicStart = "[\n  {\"type\": \"text\", \"text\": \"";

    /// <summary>
    /// Tells whether a file's first characters are those of a whole bundle this tool wrote, in any format: its header
    /// with the signature, or the whole first lines of a bundle written before bundles were signed (which a
    /// hand-written file does not repeat).
    /// </summary>
    /// <param name="head">The file's first few kilobytes.</param>
    public static bool Begins(string head) =>
        Xml(head)
        || (head.StartsWith(AnthropicStart, StringComparison.Ordinal) && Xml(Unescaped(head[AnthropicStart.Length..])))
        || Markdown(head)
        || head.StartsWith("{\n  \"generator\": \"" + Generator + "\",\n  \"solution\": ", StringComparison.Ordinal)
        || (Lines(head, 3) is ["{", var solution, var projects] && solution.StartsWith("  \"solution\": \"", StringComparison.Ordinal) && solution.EndsWith("\",", StringComparison.Ordinal)
            && projects.StartsWith("  \"projects\": [", StringComparison.Ordinal));

    // <?xml …?>, then <context solution="…" generator="dotnet-pack-context">; or, unsigned, <context solution="…"> and <projects> or <targets>.
    private static bool Xml(string head) =>
        Lines(head, 3) is [XmlProlog, var context, var next] && context.StartsWith("<context solution=\"", StringComparison.Ordinal)
        && (context.EndsWith($"\" generator=\"{Generator}\">", StringComparison.Ordinal) || (context.EndsWith("\">", StringComparison.Ordinal) && next is "<projects>" or "<targets>"));

    // # Context: …, then the signature line; or, unsigned, an empty line and "Projects:" or "Targets:" with a first item.
    private static bool Markdown(string head) =>
        Lines(head, 4) is [var title, var second, var third, var fourth] && title.StartsWith("# Context: ", StringComparison.Ordinal)
        && ((second == MarkdownLine && third.Length == 0) || (second.Length == 0 && third is "Projects:" or "Targets:" && fourth.StartsWith("- ", StringComparison.Ordinal)));

    // The first lines of a text (fewer when it has fewer).
    private static string[] Lines(string head, int count) => head.Split('\n', count + 1).Take(count).ToArray();

    // The XML inside an Anthropic bundle's first text block, as far as the head goes.
    private static string Unescaped(string escaped) => escaped.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
}

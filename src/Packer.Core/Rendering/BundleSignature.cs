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

    /// <summary>How each format's bundle begins, up to and including its signature (the Anthropic format is the XML one, escaped).</summary>
    private static readonly string[] Patterns =
    [
        "^<\\?xml version=\"1\\.0\" encoding=\"utf-8\"\\?>\n<context solution=\"[^\"\n]*\" generator=\"" + Generator + "\">\n",
        "^# Context: [^\n]*\n" + MarkdownLine + "\n\n",
        "^\\{\n  \"generator\": \"" + Generator + "\",\n  \"solution\": ",
        "^\\[\n  \\{\"type\": \"text\", \"text\": \"<\\?xml version=\\\\\"1\\.0\\\\\" encoding=\\\\\"utf-8\\\\\"\\?>\\\\n<context solution=\\\\\"[^\"\\\\\n]*\\\\\" generator=\\\\\"" + Generator + "\\\\\">",
    ];

    /// <summary>How bundles written before the signature began: their whole header's first lines, which a hand-written file does not repeat.</summary>
    private static readonly string[] LegacyPatterns =
    [
        "^<\\?xml version=\"1\\.0\" encoding=\"utf-8\"\\?>\n<context solution=\"[^\"\n]*\">\n<(projects|targets)>\n",
        "^# Context: [^\n]*\n\n(Projects|Targets):\n- ",
        "^\\{\n  \"solution\": \"[^\"\n]*\",\n  \"projects\": \\[",
        "^\\[\n  \\{\"type\": \"text\", \"text\": \"<\\?xml version=\\\\\"1\\.0\\\\\" encoding=\\\\\"utf-8\\\\\"\\?>\\\\n<context solution=\\\\\"[^\"\\\\\n]*\\\\\">\\\\n<(projects|targets)>",
    ];

    private static readonly System.Text.RegularExpressions.Regex Signed = new(
        string.Join('|', Patterns.Concat(LegacyPatterns).Select(p => $"(?:{p})")), System.Text.RegularExpressions.RegexOptions.NonBacktracking);

    /// <summary>Tells whether a file's first characters are those of a whole bundle this tool wrote, in any format.</summary>
    /// <param name="head">The file's first few kilobytes.</param>
    public static bool Begins(string head) => Signed.IsMatch(head);
}

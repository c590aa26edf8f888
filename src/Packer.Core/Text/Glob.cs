using System.Text;
using System.Text.RegularExpressions;

namespace Packer.Core.Text;

/// <summary>
/// A repository-relative glob: <c>*</c> matches within one folder, <c>**</c> across folders, <c>?</c> one
/// character. Matching is ordinal and case-sensitive, so it behaves the same on every machine.
/// </summary>
internal sealed class Glob
{
    private readonly Regex regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        this.regex = regex;
    }

    /// <summary>Gets the pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Compiles a pattern.</summary>
    public static Glob Parse(string pattern)
    {
        var text = pattern.Replace('\\', '/').TrimStart('/');
        var builder = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                builder.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        builder.Append('$');
        return new Glob(pattern, new Regex(builder.ToString(), RegexOptions.CultureInvariant));
    }

    /// <summary>Tells whether a repository-relative path matches.</summary>
    public bool IsMatch(string path) => regex.IsMatch(path);
}

using System.Text;
using System.Text.RegularExpressions;
using Packer.Core.Loading;
using Packer.Core.Text;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// Globs come from a repository's packer.yaml, so matching one must cost no more than the path's length times the
/// glob's, whatever either holds; and it keeps the meaning the globs always had (checked against the regular
/// expressions they used to become).
/// </summary>
public sealed class GlobSafetyTests
{
    [Fact]
    public async Task A_glob_of_many_double_stars_against_a_long_name_finishes()
    {
        // Given the glob that hung a backtracking matcher, and a file named with 60 a's
        var filter = new FileFilter([], ["**a**a**a**a**a**a**a**a**a**a**a**a**a**a**X"]);
        var name = "src/" + new string('a', 60);

        // When
        var excluded = await Bounded.RunAsync(() => filter.IsExcluded(name));

        // Then it finished, and the name does not match (it has no X)
        Assert.False(excluded);
    }

    [Fact]
    public async Task A_long_glob_against_a_long_path_finishes_and_still_matches()
    {
        var pattern = string.Concat(Enumerable.Repeat("**a*?", 2000)) + "**";
        var path = string.Concat(Enumerable.Repeat("ab/", 3000));

        var matched = await Bounded.RunAsync(() => Glob.Parse(pattern).IsMatch(path));

        Assert.True(matched);
    }

    [Theory]
    [InlineData("**/*.cs", "a.cs", true)]
    [InlineData("**/*.cs", "src/a/b.cs", true)]
    [InlineData("*.cs", "src/a.cs", false)]
    [InlineData("src/**", "src/a/b/c.md", true)]
    [InlineData("src/**", "src", false)]
    [InlineData("**/Migrations/**", "util/Migrations/x.cs", true)]
    [InlineData("**/Migrations/**", "Migrations/x.cs", true)]
    [InlineData("util/*Migrations/**", "util/EfMigrations/1.cs", true)]
    [InlineData("?.md", "a.md", true)]
    [InlineData("?.md", "/.md", false)]
    [InlineData("/docs/*.md", "docs/a.md", true)]
    [InlineData("docs\\*.md", "docs/a.md", true)]
    [InlineData("a.b", "aXb", false)]
    [InlineData("README.md", "readme.md", false)]
    [InlineData("", "", true)]
    [InlineData("***.md", "a/b.md", true)]
    [InlineData("**/[Bb]in/**", "src/bin/a.dll", true)]
    [InlineData("**/[Bb]in/**", "src/Bin/a.dll", true)]
    [InlineData("**/[Bb]in/**", "src/Cin/a.dll", false)]
    [InlineData("[a-c].md", "b.md", true)]
    [InlineData("[a-c].md", "d.md", false)]
    [InlineData("[!a]b", "ab", false)]
    [InlineData("[^a]b", "cb", true)]
    [InlineData("[!a]b", "/b", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("a[b", "a[b", true)]
    [InlineData("*.[Cc][Ss]", "x.cS", true)]
    public void A_glob_keeps_its_meaning(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));

    [Fact]
    public void Random_globs_match_as_their_regular_expressions_did()
    {
        var mismatches = new List<string>();
        for (var seed = 0; seed < 20_000; seed++)
        {
            var random = new Random(seed);
            var pattern = Draw(random, "ab/.*?\\[(", 8);
            var path = Draw(random, "ab/.[(", 10);
            if (Glob.Parse(pattern).IsMatch(path) != Reference(pattern).IsMatch(path))
            {
                mismatches.Add($"'{pattern}' on '{path}'");
            }
        }

        Assert.Empty(mismatches);
    }

    private static string Draw(Random random, string alphabet, int longest)
    {
        var text = new StringBuilder();
        for (var i = random.Next(longest + 1); i > 0; i--)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    /// <summary>The translation to a regular expression that globs had before (backtracking, so small inputs only).</summary>
    private static Regex Reference(string pattern)
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

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}

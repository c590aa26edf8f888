using Packer.Core.Text;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Text;

public sealed class UnifiedDiffTests
{
    private static readonly string Before = string.Concat(Enumerable.Range(1, 30).Select(i => $"line {i}\n"));

    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Of("a.cs", Before, Before));
    }

    [Fact]
    public void Changes_far_apart_are_separate_hunks_with_three_lines_of_context()
    {
        // Given line 5 changed, a line inserted after 25, and line 30 removed
        var after = Before.Replace("line 5\n", "line five\n", StringComparison.Ordinal)
            .Replace("line 25\n", "line 25\nline 25½\n", StringComparison.Ordinal)
            .Replace("line 30\n", string.Empty, StringComparison.Ordinal);

        // When
        var diff = UnifiedDiff.Of("src/a.cs", Before, after);

        // Then
        Assert.Equal(
            """
            --- a/src/a.cs
            +++ b/src/a.cs
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8
            @@ -23,8 +23,8 @@
             line 23
             line 24
             line 25
            +line 25½
             line 26
             line 27
             line 28
             line 29
            -line 30

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            diff);
    }

    [Fact]
    public void A_new_file_is_all_additions_and_a_deleted_one_only_says_so()
    {
        Assert.Equal("--- /dev/null\n+++ b/n.cs\n@@ -0,0 +1,2 @@\n+one\n+two\n", UnifiedDiff.Of("n.cs", null, "one\ntwo\n"));
        Assert.Equal("--- a/n.cs\n+++ /dev/null\n", UnifiedDiff.Of("n.cs", "one\ntwo\n", null));
    }

    [Fact]
    public async Task Hunks_are_the_ones_git_diff_writes()
    {
        // Given a realistic edit: a method added, a using changed, a line removed
        var folder = TempFolder.Create();
        var before = string.Concat(Enumerable.Range(1, 60).Select(i => i % 10 == 0 ? "\n" : $"    var x{i} = Compute({i});\n"));
        var after = ("using System.Text;\n" + before)
            .Replace("    var x17 = Compute(17);\n", string.Empty, StringComparison.Ordinal)
            .Replace("    var x42 = Compute(42);\n", "    var x42 = Compute(42);\n    var y = Report(x42);\n    Log(y);\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "before.cs"), before);
        File.WriteAllText(Path.Combine(folder, "after.cs"), after);

        // When
        var git = await ProcessResult.RunAsync("git", ["diff", "--no-index", "--no-color", "-U3", "before.cs", "after.cs"], folder, null);

        // Then the hunks match git's, line for line (git's hunk headers also name the enclosing line; that is left out)
        static IEnumerable<string> Hunks(string diff) => diff.Split('\n').SkipWhile(l => !l.StartsWith("@@", StringComparison.Ordinal))
            .Select(l => l.StartsWith("@@", StringComparison.Ordinal) ? l[..(l.IndexOf("@@", 2, StringComparison.Ordinal) + 2)] : l);
        Assert.Equal(1, git.ExitCode);
        Assert.Equal(Hunks(git.StandardOutput), Hunks(UnifiedDiff.Of("before.cs", before, after)));
    }
}

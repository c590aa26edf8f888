using Packer.Core.Text;

namespace Packer.Core.Ranking;

/// <summary>What a file's path says by itself: whether it is a test, and the words of its name.</summary>
internal static class FileNames
{
    private static readonly string[] TestSuffixes = ["Tests", "Test", "Specs", "Spec", "Fixture"];

    /// <summary>Tells whether a path is a test's: a folder or the file named as tests (Tests, Foo.Tests, UnitTest, specs).</summary>
    public static bool IsTest(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            var name = segment == path[(path.LastIndexOf('/') + 1)..] ? RepoPath.Stem(segment) : segment;
            var lower = name.ToLowerInvariant();
            if (name.EndsWith("Test", StringComparison.Ordinal) || name.EndsWith("Tests", StringComparison.Ordinal)
                || name.EndsWith("Spec", StringComparison.Ordinal) || name.EndsWith("Specs", StringComparison.Ordinal)
                || lower is "test" or "tests" or "spec" or "specs"
                || lower.EndsWith(".tests", StringComparison.Ordinal) || lower.EndsWith(".test", StringComparison.Ordinal)
                || lower.EndsWith("-tests", StringComparison.Ordinal) || lower.EndsWith("_tests", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stem without a test suffix: FooTests → Foo.</summary>
    public static string Subject(string stem)
    {
        foreach (var suffix in TestSuffixes)
        {
            if (stem.Length > suffix.Length && stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                return stem[..^suffix.Length];
            }
        }

        return stem;
    }

    /// <summary>The words of a file's name, test suffix removed, lower case: OrderServiceTests.cs → order, service.</summary>
    public static IReadOnlyList<string> Words(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        name = dot > 0 ? name[..dot] : name;
        var words = new List<string>();
        foreach (var part in name.Split('.', '_', '-'))
        {
            var subject = Subject(part);
            var start = 0;
            for (var i = 1; i <= subject.Length; i++)
            {
                if (i == subject.Length || (char.IsUpper(subject[i]) && (char.IsLower(subject[i - 1]) || (i + 1 < subject.Length && char.IsLower(subject[i + 1])))))
                {
                    if (i > start)
                    {
                        words.Add(subject[start..i].ToLowerInvariant());
                    }

                    start = i;
                }
            }
        }

        return words;
    }
}

using Microsoft.CodeAnalysis.CSharp;
using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Core.Localization;

namespace Packer.Tests.Localization;

/// <summary>The text features on an in-memory solution: syntax parsed by Roslyn, no MSBuild, milliseconds.</summary>
public sealed class TaskLocalizerTests
{
    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        ["src/Inflections/Vocabulary.cs"] = """
            namespace Humanizer.Inflections;
            /// <summary>Rules that pluralize and singularize English words.</summary>
            public class Vocabulary
            {
                public string Pluralize(string word) => MatchUpperCase(word, "s");
                private string MatchUpperCase(string word, string replacement) => word + replacement;
            }
            """,
        ["src/InflectorExtensions.cs"] = """
            namespace Humanizer;
            public static class InflectorExtensions
            {
                public static string Pluralize(this string word) => new Inflections.Vocabulary().Pluralize(word);
            }
            """,
        ["src/Truncation/Truncator.cs"] = """
            namespace Humanizer;
            public static class Truncator
            {
                public static string Truncate(string value, int length) =>
                    length < 0 ? throw new System.ArgumentOutOfRangeException(nameof(length), "Length must not be negative when truncating") : value;
            }
            """,
        ["tests/VocabularyTests.cs"] = """
            namespace Humanizer.Tests;
            public class VocabularyTests
            {
                public void Pluralizes() => new Inflections.Vocabulary().Pluralize("human");
            }
            """,
    };

    [Fact]
    public void A_stack_frame_points_at_its_file_above_every_file_that_only_shares_words()
    {
        var match = Match("""
            Pluralize crashes
               at Humanizer.Inflections.Vocabulary.MatchUpperCase(String word, String replacement) in /_/src/Inflections/Vocabulary.cs:line 6
            """);

        Assert.Equal(1, Feature(match, "src/Inflections/Vocabulary.cs", "frame"));
        Assert.Equal(0, Feature(match, "src/InflectorExtensions.cs", "frame"));
        Assert.Contains("stack frame Humanizer.Inflections.Vocabulary.MatchUpperCase line 6", match.Evidence["src/Inflections/Vocabulary.cs"].Matched);
        Assert.Contains("src/Inflections/Vocabulary.cs", match.Anchors);
    }

    [Fact]
    public void A_pasted_message_finds_the_string_literal_that_spells_it()
    {
        var match = Match("ArgumentOutOfRangeException: Length must not be negative when truncating (Parameter 'length')");

        Assert.Equal(1, Feature(match, "src/Truncation/Truncator.cs", "literal"));
        Assert.Equal(0, Feature(match, "src/Inflections/Vocabulary.cs", "literal"));
        Assert.Equal(["src/Truncation/Truncator.cs"], match.Anchors);
    }

    [Fact]
    public void A_named_type_and_member_mark_where_they_are_declared_and_files_that_use_them()
    {
        var match = Match("Vocabulary.Pluralize returns humen for human");

        // Vocabulary and Pluralize are each spelled in 3 of the 4 files: naming them says that much less
        var specificity = Math.Log(1 + (4.0 / 3)) / Math.Log(5);
        Assert.Equal(specificity, Feature(match, "src/Inflections/Vocabulary.cs", "declares"), 5);
        Assert.Equal(specificity / 2, Feature(match, "src/Inflections/Vocabulary.cs", "member"), 5);
        Assert.Equal(specificity / 2, Feature(match, "src/InflectorExtensions.cs", "member"), 5);
        Assert.Equal(1, Feature(match, "tests/VocabularyTests.cs", "uses"));
        Assert.Equal(1, Feature(match, "tests/VocabularyTests.cs", "test"));
        Assert.Equal(0, Feature(match, "src/Truncation/Truncator.cs", "bm25"));
    }

    [Fact]
    public void Words_of_doc_comments_count_and_the_best_bm25_file_scores_1()
    {
        var match = Match("singularize english words");

        Assert.Equal(1, Feature(match, "src/Inflections/Vocabulary.cs", "bm25"));
        Assert.Equal(1, Feature(match, "src/Inflections/Vocabulary.cs", "bm25Rank"));
    }

    [Fact]
    public void A_task_that_names_nothing_of_the_solution_has_no_anchor()
    {
        var match = Match("thanks");

        Assert.False(match.Matched);
    }

    private static TaskMatch Match(string task)
    {
        var syntaxes = Sources.Select(s => DeclarationReader.Read(s.Key, CSharpSyntaxTree.ParseText(s.Value).GetRoot())).ToList();
        var files = Sources.Keys.Order(StringComparer.Ordinal).Select(p => new SourceFile(p, "P", null)).ToList();
        return TaskLocalizer.Match(TaskText.Parse(task), files, new SyntaxIndex(syntaxes), p => Sources.GetValueOrDefault(p), new TaskWeights());
    }

    private static double Feature(TaskMatch match, string path, string feature) => match.Evidence[path].Features[TaskFeatures.Index(feature)];
}

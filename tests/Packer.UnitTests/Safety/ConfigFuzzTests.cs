using System.Text;
using System.Text.RegularExpressions;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// Seeded mutation fuzzing of packer.yaml: whatever a file holds, reading it either succeeds or fails with one
/// line that names the file and a line, never anything else (which would end the run in a stack trace).
/// </summary>
public sealed partial class ConfigFuzzTests
{
    private const int Cases = 3000;

    private const string Seed = """
        # A packer.yaml with every key.
        solution: Shop.sln
        targets:
          - Shop.Application
          - "file:src/Shop.Domain/Orders/Order.cs"
        maxTokens: 32_000
        tokenizer: o200k_base
        format: xml
        cacheMinTokens: 1024
        output: artifacts/context.xml
        manifest: artifacts/context.json
        previous: artifacts/context.json
        editRoom: 10
        include: [README.md, "**/appsettings.json"]
        exclude:
          - "**/Migrations/**"
        cache: true
        cacheDirectory: .cache/pack-context
        maxFileBytes: 1048576
        redact:
          enabled: true
          allow:
            rules: [jwt]
            paths: ["tests/**"]
            values: ["Pass@word1"]

        """;

    private static readonly string[] Pieces =
    [
        ":", " ", "  ", "\t", "-", "- ", "[", "]", "{", "}", "\"", "'", "#", "\n", "*", "&a ", "*a", "!", "!!int ", "|", ">", ",", "?", "%", "@", "`",
        "0", "-1", "99999999999999999999", "1e9", "true", "null", "~", "\\", "\u0000", "\uFEFF", "é", "targets: ", "redact: ", "allow: ", "rules: [", "../../x",
    ];

    [Fact]
    public void Any_mutation_of_a_config_reads_or_fails_with_one_line_naming_the_file_and_a_line()
    {
        // Given
        var folder = TempFolder.Create();
        var path = Path.Combine(folder, "packer.yaml");
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < Cases; i++)
        {
            // When
            var text = Mutate(new Random(i), Seed);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            string outcome;
            try
            {
                var config = ConfigLoader.Load(path);
                OptionsMerger.Merge(config, ConfigFile.Empty, folder, path);
                outcome = "read";
            }
            catch (UsageException e) when (Located().IsMatch(e.Message) && e.Message.StartsWith(path, StringComparison.Ordinal) && !e.Message.Contains('\n', StringComparison.Ordinal))
            {
                outcome = "error";
            }
            catch (Exception e)
            {
                failures.Add($"case {i}: {e.GetType().Name}: {e.Message}\n--- text ---\n{text}");
                outcome = "bad";
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // Then
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed badly; the first:\n{failures.FirstOrDefault()}");
        Assert.True(outcomes.GetValueOrDefault("read") > Cases / 20 && outcomes.GetValueOrDefault("error") > Cases / 20, string.Join(", ", outcomes));
    }

    // One to four edits: insert a piece, delete a span, duplicate or drop a line, or cut the file short.
    private static string Mutate(Random random, string text)
    {
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(6) switch
            {
                0 or 1 => text.Insert(at, Pieces[random.Next(Pieces.Length)]),
                2 => text.Remove(Math.Min(at, text.Length), Math.Min(random.Next(1, 8), text.Length - Math.Min(at, text.Length))),
                3 => DuplicateLine(random, text),
                4 => string.Join('\n', text.Split('\n').Where((_, n) => n != random.Next(30))),
                _ => text[..at],
            };
        }

        return text;
    }

    private static string DuplicateLine(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        lines.Insert(random.Next(lines.Count), lines[line]);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@":\d+: ")]
    private static partial Regex Located();
}

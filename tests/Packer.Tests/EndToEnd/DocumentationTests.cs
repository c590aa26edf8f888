using System.Text.RegularExpressions;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

/// <summary>
/// The README and docs/ stay true to the installed tool: every flag a command's --help lists is documented, every
/// flag the README's usage synopsis names exists, and the README stays short (the rest lives in docs/).
/// </summary>
public sealed partial class DocumentationTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    private static readonly string Root = Fixtures.RepositoryRoot;

    private static readonly string[] Commands = ["", "session", "init", "mcp"];

    [Fact]
    public async Task Every_flag_of_every_command_is_documented_and_every_documented_flag_exists()
    {
        // Given each command's flags, as its --help lists them
        var helped = new Dictionary<string, HashSet<string>>();
        foreach (var command in Commands)
        {
            var help = await tool.RunAsync(Root, [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
            Assert.Equal(0, help.ExitCode);
            helped[command] = [.. HelpFlag().Matches(help.StandardOutput).Select(m => m.Groups[1].Value).Where(f => f is not "--help" and not "--version")];
        }

        // Then each is in the docs, and each flag of the README's synopsis is one of them
        var docs = File.ReadAllText(Path.Combine(Root, "README.md")) + string.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        Assert.Empty(helped.SelectMany(c => c.Value.Where(f => !docs.Contains($"`{f}", StringComparison.Ordinal) && !docs.Contains($"**{f}", StringComparison.Ordinal)).Select(f => $"{c.Key} {f}")));
        var synopsis = Synopsis(File.ReadAllText(Path.Combine(Root, "README.md")));
        foreach (var (command, flags) in synopsis)
        {
            Assert.DoesNotContain(flags, f => !helped[command].Contains(f) && !helped[""].Contains(f));
        }

        Assert.Equal(Commands.Order(StringComparer.Ordinal), synopsis.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_readme_is_short_and_links_only_to_pages_that_exist()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.True(readme.Split('\n').Length <= 200, "README.md is over 200 lines: move detail to docs/");
        foreach (var page in DocLink().Matches(readme).Select(m => m.Groups[1].Value).Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .SelectMany(f => PageLink().Matches(File.ReadAllText(f)).Select(m => "docs/" + m.Groups[1].Value))))
        {
            Assert.True(File.Exists(Path.Combine(Root, page)), page);
        }
    }

    // The README's usage block: the flags named on each command's lines ("" for the pack command).
    private static Dictionary<string, HashSet<string>> Synopsis(string readme)
    {
        var block = readme[readme.IndexOf("## Usage", StringComparison.Ordinal)..];
        block = block[(block.IndexOf("```", StringComparison.Ordinal) + 3)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var flags = new Dictionary<string, HashSet<string>>();
        var command = string.Empty;
        foreach (var line in block.Split('\n'))
        {
            if (line.StartsWith("dotnet pack-context", StringComparison.Ordinal))
            {
                var word = line.Split(' ')[2];
                command = Commands.Contains(word) ? word : string.Empty;
            }

            var names = SynopsisFlag().Matches(line.Replace("pack flags but", string.Empty, StringComparison.Ordinal)).Select(m => m.Groups[1].Value);
            flags.TryAdd(command, []);
            flags[command].UnionWith(line.Contains("flags but", StringComparison.Ordinal) ? names.Where(n => line.IndexOf(n, StringComparison.Ordinal) > line.IndexOf(']', StringComparison.Ordinal)) : names);
        }

        return flags;
    }

    [GeneratedRegex(@"^\s+(?:-\w, )?(--[a-z-]+)", RegexOptions.Multiline)]
    private static partial Regex HelpFlag();

    [GeneratedRegex(@"(--[a-z-]+)")]
    private static partial Regex SynopsisFlag();

    [GeneratedRegex(@"\]\((docs/[a-z-]+\.md)")]
    private static partial Regex DocLink();

    [GeneratedRegex(@"\]\(([a-z-]+\.md)")]
    private static partial Regex PageLink();
}

using Packer.Core;
using System.Text;

namespace Packer.Agents.Setup;

/// <summary>The commented packer.yaml that <c>init</c> writes.</summary>
internal static class PackerYamlTemplate
{
    public static string For(string solution, IReadOnlyList<string> targets)
    {
        var text = new StringBuilder();
        text.Append("# What `dotnet pack-context` packs in this folder (written by `dotnet pack-context init`).\n");
        text.Append("# Every key is described in the tool's docs/configuration.md; flags override them.\n\n");
        text.Append("# The solution (.sln, .slnx or .csproj), relative to this file.\n");
        text.Append($"solution: {Quoted(solution)}\n");
        text.Append("# What the bundle is about: projects, files (repository-relative), types or namespaces.\n");
        text.Append("targets:\n");
        foreach (var target in targets)
        {
            text.Append($"  - {Quoted(target)}\n");
        }

        text.Append("# Cap on the whole bundle, in tokens (o200k_base).\n");
        text.Append("maxTokens: 32000\n");
        text.Append("# `session` writes the bundle in parts of at most this many tokens, so that each fits one file read\n");
        text.Append("# (Claude Code's Read tool takes at most 25,000 tokens, counted by its own tokenizer, at a time).\n");
        text.Append("splitTokens: 16000\n");
        text.Append("# Share of the cap (percent) a session bundle leaves free for the edits later sessions append.\n");
        text.Append("editRoom: 10\n");
        text.Append("# Where `session` and `mcp` keep their bundles and manifests (git-ignored by init).\n");
        text.Append("# stateDirectory: .packer\n");
        text.Append("# Files to leave out, C# or not (repository-relative globs), e.g. generated code:\n");
        text.Append("# exclude:\n#   - \"**/Migrations/**\"\n");
        text.Append("# Non-C# files to rank and pack too:\n");
        text.Append("# include:\n#   - README.md\n");
        return text.ToString();
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

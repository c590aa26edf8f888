using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Packer.Core.Configuration;
using Packer.Agents.Server;

namespace Packer.Cli;

/// <summary>
/// The MCP tools: each calls <see cref="ContextServer"/> with arguments <see cref="ToolCalls"/> has checked against the
/// schema published from these parameters (their descriptions, ranges and allowed values). An expected failure (a bad
/// argument, an unknown target) is a tool error whose text says what to change; the server keeps running. Every answer
/// stays within the inline limit.
/// </summary>
[McpServerToolType]
internal static class McpTools
{
    // pack_context writes its bundle and manifest under the state folder's mcp/ folder (never anything else, never
    // replacing what is not its own): not read-only, not destructive; the same call on an unchanged repository writes the same bytes.
    [McpServerTool(Name = "pack_context", Title = "Pack a focused context bundle", ReadOnly = false, Idempotent = true, OpenWorld = false, Destructive = false)]
    [Description(
        "Packs the files of this .NET solution that matter most for a task and/or targets into one token-capped bundle (the files the task's "
        + "text names, by type, member, stack frame, message or words, then ranked by the code's dependency graph: what they use, what uses them, "
        + "their tests), writes it under the state folder (.packer/mcp/), and returns its "
        + "path, id, token count, segments and the list of files it holds with a one-line reason each. The bundle's text is returned too when it "
        + "fits, with the rest of the answer, within inlineMaxTokens (default 20,000); otherwise hand the path to a sub-agent or read parts with "
        + "read_bundle. The answer never exceeds that limit: a list cut to fit says how much was left out (the manifest lists everything). Use it "
        + "to give a sub-agent exactly the context of its job instead of the whole repository: pass the brief you are giving the sub-agent as task. "
        + "A repeated call on an unchanged repository is fast and writes the same bundle.")]
    public static async Task<CallToolResult> PackContext(
        ContextServer server,
        [Description("What the bundle is for: the brief you give the sub-agent, an issue's text, a stack trace or an error message. The files it names and their neighbours are packed; with no targets it alone chooses.")] string? task = null,
        [Description("What to pack around: project names, file paths (repository-relative), type names, namespaces or folders; prefix project:, file:, type:, namespace: or folder: to force the kind (e.g. folder:src/Billing). One text is taken as a list of one; none are needed with a task.")] string[]? targets = null,
        [Description("Cap on the whole bundle, in tokens (o200k_base).")] int? maxTokens = null,
        [Description("xml, markdown, json, or anthropic (API content blocks with cache_control marks).")] string? format = null,
        [Description("A file name or path inside the state folder's mcp/ folder to write the bundle to. Default: <id>.<format extension>.")] string? output = null,
        [Range(ServerOptions.MinInlineTokens, OptionValues.MaxTokenSetting)]
        [Description("The most tokens this answer may hold, 1,000 to 100,000,000: the bundle's text is returned inline only when it fits with the rest. Default: 20,000 (the server's --inline-tokens).")] int? inlineMaxTokens = null,
        CancellationToken cancellationToken = default)
    {
        var answer = await server.PackAsync(new PackRequest(targets, task, maxTokens, format, output, inlineMaxTokens), cancellationToken);
        var summary = new TextContentBlock { Text = server.Answer(answer with { Bundle = null }) };
        return new CallToolResult { Content = answer.Bundle is null ? [summary] : [summary, new TextContentBlock { Text = answer.Bundle }] };
    }

    [McpServerTool(Name = "rank_files", Title = "Rank files by relevance to a task or target", ReadOnly = true, Idempotent = true, OpenWorld = false, Destructive = false)]
    [Description(
        "Ranks every file of this .NET solution by how likely it is to matter for a task (what its text names: types, members, stack frames, "
        + "messages, words) and/or how close it is to a target (dependency graph, shared usages, names, folder, history), and returns the top "
        + "files with their score, a one-line reason, what in the task matched them, the features that raised their score most, and where a "
        + "bundle at the default cap would put them (full, signatures, listed or omitted). The order is a bundle's: the target's files first "
        + "(marked target: true, in the order a bundle packs them; their score is their own and does not place them), then every other file by "
        + "its score, highest first (the task model's with a task, else the ranking model's). Use it to decide which files to read or which "
        + "targets to pack; pass a sub-agent's brief as task to see what it would get.")]
    public static async Task<string> RankFiles(
        ContextServer server,
        [Description("What the files are wanted for: a sub-agent's brief, an issue's text, a stack trace or an error message.")] string? task = null,
        [Description("A project name, file path (repository-relative), type name, namespace or folder; prefix project:, file:, type:, namespace: or folder: to force the kind. Optional when a task is given.")] string? target = null,
        [Range(1, ServerOptions.MaxTop)]
        [Description("How many files to return, best first: 1 to 100. Default: 20.")] int top = 20,
        CancellationToken cancellationToken = default) =>
        server.Answer(await server.RankAsync(target, task, top, cancellationToken));

    [McpServerTool(Name = "explain_file", Title = "Explain a file's place in a bundle", ReadOnly = true, Idempotent = true, OpenWorld = false, Destructive = false)]
    [Description(
        "Says why a file is or is not in the bundle packed for a target, and at which fidelity (full text, signatures only, listed by path, or "
        + "omitted): its rank and score, the reason, and what cap or target would bring it in.")]
    public static async Task<string> ExplainFile(
        ContextServer server,
        [Description("A project name, file path (repository-relative), type name, namespace or folder; prefix project:, file:, type:, namespace: or folder: to force the kind.")] string target,
        [Description("The file to explain: repository-relative (or absolute) path.")] string path,
        [Description("The cap the bundle is packed to, in tokens.")] int? maxTokens = null,
        CancellationToken cancellationToken = default) =>
        server.Answer(await server.ExplainAsync(target, path, maxTokens, cancellationToken));

    [McpServerTool(Name = "read_bundle", Title = "Read part of a written bundle", ReadOnly = true, Idempotent = true, OpenWorld = false, Destructive = false)]
    [Description(
        "Returns a slice of a bundle written by pack_context or by a session: the block(s) of one file (its text, signatures, and any diffs "
        + "appended to it), or a range of its tokens (segment offsets are in pack_context's answer), or the whole bundle when it is small enough. "
        + "Slices over inlineMaxTokens (default 20,000) are refused with the segments to choose from.")]
    public static string ReadBundle(
        ContextServer server,
        [Description("The id pack_context returned, or a bundle file's path (e.g. .packer/context.xml).")] string bundle,
        [Description("A file whose blocks to return (repository-relative path).")] string? file = null,
        [Range(0, OptionValues.MaxTokenSetting)]
        [Description("First token of a range (0-based).")] int? tokenStart = null,
        [Range(1, OptionValues.MaxTokenSetting)]
        [Description("Token after the range.")] int? tokenEnd = null,
        [Range(ServerOptions.MinInlineTokens, OptionValues.MaxTokenSetting)]
        [Description("Refuse slices over this many tokens, 1,000 to 100,000,000. Default: 20,000 (the server's --inline-tokens).")] int? inlineMaxTokens = null) =>
        server.ReadBundle(bundle, file, tokenStart, tokenEnd, inlineMaxTokens);
}

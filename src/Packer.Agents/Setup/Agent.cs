namespace Packer.Agents.Setup;

/// <summary>A coding agent <c>init --agent</c> sets a repository up for.</summary>
public enum Agent
{
    /// <summary>Claude Code: hooks in <c>.claude/settings.json</c>, the server in <c>.mcp.json</c>.</summary>
    Claude,

    /// <summary>GitHub Copilot in VS Code: the server in <c>.vscode/mcp.json</c>, instructions in <c>.github/copilot-instructions.md</c>.</summary>
    Copilot,

    /// <summary>Cursor: the server in <c>.cursor/mcp.json</c>, a rule in <c>.cursor/rules/pack-context.mdc</c>.</summary>
    Cursor,

    /// <summary>OpenAI Codex: the server in <c>.codex/config.toml</c>, instructions in <c>AGENTS.md</c>.</summary>
    Codex,

    /// <summary>Gemini CLI: the server and a SessionStart hook in <c>.gemini/settings.json</c>, instructions in <c>GEMINI.md</c>.</summary>
    Gemini,
}

using System.CommandLine;
using System.Reflection;
using Packer.Core;
using Packer.Agents.Setup;

namespace Packer.Cli;

/// <summary><c>dotnet pack-context init</c>: sets a folder up for sessions (packer.yaml, .gitignore, and an agent's hook and MCP server).</summary>
internal static class InitCommand
{
    private static readonly Argument<string?> PathArgument = new("PATH")
    {
        Description = "The solution (.sln, .slnx or .csproj) packer.yaml names (default: the one in the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string[]> TargetOption = new("--target", "-t")
    {
        Description = "What packer.yaml packs around: a project, file, type, namespace or folder. Repeatable; required unless packer.yaml exists.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string[]> AgentOption = new("--agent")
    {
        Description = "Also set up a coding agent (repeatable): claude (hooks in .claude/settings.json, the server in .mcp.json), copilot (.vscode/mcp.json, "
            + ".github/copilot-instructions.md), cursor (.cursor/mcp.json, .cursor/rules/pack-context.mdc), codex (.codex/config.toml, AGENTS.md), gemini (.gemini/settings.json with a session hook, GEMINI.md).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string?> CommandOption = new("--command")
    {
        Description = $"How the hook and the MCP server start this tool, split and quoted as a shell would (default: {SetupRequest.DefaultCommand} when that runs this version here, else this tool's own path). It is tried before it is written.",
    };

    private static readonly Option<bool> NoCheckOption = new("--no-check")
    {
        Description = "Write the command without trying it here (for a command that runs only where the agent runs, e.g. in a container); the hook's timeout is then 60 s.",
    };

    public static Command Create()
    {
        AgentOption.AcceptOnlyFromAmong([.. Enum.GetNames<Agent>().Select(n => n.ToLowerInvariant())]);
        var command = new Command("init", "Writes a commented packer.yaml, git-ignores the state folder, and with --agent adds the MCP server and the hooks or instructions of that agent. Keeps every key and comment of existing files; running it again changes nothing.")
        {
            PathArgument, TargetOption, AgentOption, CommandOption, NoCheckOption, PackFlags.Quiet,
        };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var log = new ConsoleLog(parse.GetValue(PackFlags.Quiet), verbose: false);
        try
        {
            var folder = Environment.CurrentDirectory;
            var request = new SetupRequest(
                folder,
                PackFlags.Absolute(parse.GetValue(PathArgument), folder),
                parse.GetValue(TargetOption) ?? [],
                [.. (parse.GetValue(AgentOption) ?? []).Select(a => Enum.Parse<Agent>(a, ignoreCase: true))],
                parse.GetValue(CommandOption) is { } given ? [ToolCommand.Split(given)] : Candidates(),
                Version(),
                Check: !parse.GetValue(NoCheckOption));
            SetupOutcome outcome;
            using (var progress = new ProgressLine(parse.GetValue(PackFlags.Quiet)))
            {
                outcome = await ProjectSetup.RunAsync(request, progress, cancellationToken);
            }

            log.Report(outcome, folder);
            return ExitCodes.Success;
        }
        catch (PackerException e)
        {
            log.Error(e.Message);
            return e.ExitCode;
        }
    }

    // The ways to start this tool, most portable first: as an installed tool, by the path of this one (a --tool-path
    // install), or through the host with this one's assembly (a build run with dotnet).
    private static IReadOnlyList<IReadOnlyList<string>> Candidates()
    {
        var candidates = new List<IReadOnlyList<string>> { ToolCommand.Split(SetupRequest.DefaultCommand) };
        if (Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet-pack-context")
        {
            candidates.Add([ToolShim(process) ?? process]);
        }
        else if (Environment.ProcessPath is { } host && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } assembly)
        {
            candidates.Add([host, assembly]);
        }

        return candidates;
    }

    // A platform package runs from the tool store (TOOL-PATH/.store/<package>/<version>/…/dotnet-pack-context), the
    // path the process sees; the command a user runs, and the one that outlives an update, is the shim beside the
    // store that links there.
    private static string? ToolShim(string process)
    {
        for (var folder = Path.GetDirectoryName(process); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Path.GetFileName(folder) == ".store")
            {
                var shim = Path.Combine(Path.GetDirectoryName(folder)!, Path.GetFileName(process));
                return File.Exists(shim) ? shim : null;
            }
        }

        return null;
    }

    // This build's version, as --version prints it (without the commit).
    private static string Version() =>
        (typeof(InitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}

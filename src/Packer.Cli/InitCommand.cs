using System.CommandLine;
using Packer.Core;
using Packer.Core.Setup;

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
        Description = "What packer.yaml packs around: a project, file, type or namespace. Repeatable; required unless packer.yaml exists.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string?> AgentOption = new("--agent")
    {
        Description = "claude: also add the SessionStart hook to .claude/settings.json and the MCP server to .mcp.json.",
    };

    private static readonly Option<string> CommandOption = new("--command")
    {
        Description = $"How the hook and the MCP server start this tool (default: {SetupRequest.DefaultCommand}).",
        DefaultValueFactory = _ => SetupRequest.DefaultCommand,
    };

    public static Command Create()
    {
        AgentOption.AcceptOnlyFromAmong("claude");
        var command = new Command("init", "Writes a commented packer.yaml, git-ignores the state folder, and with --agent claude adds the session hook and the MCP server. Keeps every key of existing files; running it again changes nothing.")
        {
            PathArgument, TargetOption, AgentOption, CommandOption, PackFlags.Quiet,
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
                parse.GetValue(AgentOption) == "claude",
                parse.GetValue(CommandOption) is { Length: > 0 } tool ? tool.Trim() : SetupRequest.DefaultCommand);
            var outcome = await ProjectSetup.RunAsync(request, cancellationToken);
            log.Report(outcome, folder);
            return ExitCodes.Success;
        }
        catch (PackerException e)
        {
            log.Error(e.Message);
            return e.ExitCode;
        }
    }
}

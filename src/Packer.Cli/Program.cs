using System.CommandLine;
using Packer.Cli;
using Packer.Core;
using Packer.Core.Diagnostics;

var root = PackCommand.Create();
root.Subcommands.Add(SessionCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(McpCommand.Create());
SubcommandHelp.Use(root);

var parsed = root.Parse(args);
var errors = parsed.Errors.Select(e => e.Message).ToList();
if (parsed.GetResult(PackFlags.Path)?.GetValueOrDefault<string?>() is { } path && path.StartsWith('-'))
{
    errors.Insert(0, PackFlags.UnknownOption(path, parsed.CommandResult.Command));
}

if (errors.Count > 0 && SessionCommand.IsHook(parsed, args))
{
    return await SessionCommand.HookFailureAsync($"the hook's command line is wrong: {string.Join(' ', errors)}", args.Contains("--no-redact"));
}

if (errors.Count > 0)
{
    // A build (--log-format msbuild) gets one canonical error line each, and no usage hint.
    var log = new ConsoleLog(quiet: false, verbose: false, PackCommand.LogFormatOf(parsed));
    foreach (var error in errors)
    {
        log.Error(DiagnosticCodes.Usage, error);
    }

    if (log.Format == LogFormat.Plain)
    {
        await Console.Error.WriteLineAsync($"Run 'dotnet pack-context {(parsed.CommandResult.Command == root ? string.Empty : parsed.CommandResult.Command.Name + " ")}--help' for usage.");
    }

    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();

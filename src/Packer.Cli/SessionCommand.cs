using System.CommandLine;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Redaction;
using Packer.Agents.Session;

namespace Packer.Cli;

/// <summary>
/// <c>dotnet pack-context session</c>: what a pre-session hook runs. Packs into the state folder (handing the
/// last session's manifest back as --previous), and prints what the agent should read first. With
/// <c>--agent claude</c> it speaks Claude Code's SessionStart hook protocol and never fails the session: any
/// failure is one line in the answer, and the exit code is 0.
/// </summary>
internal static class SessionCommand
{
    private static readonly Option<string?> AgentOption = new("--agent")
    {
        Description = "claude: read Claude Code's SessionStart hook input on standard input and answer in its JSON form; failures never fail the session.",
    };

    private static readonly Option<int?> MaxCharsOption = PackFlags.WholeNumber(
        "--max-chars",
        $"Cap on what is printed for the agent, in characters (default {SessionOptions.DefaultMaxChars}; with --agent claude at most {ClaudeHook.MaxContextChars:N0}, all of a hook's output Claude Code adds to the context).",
        SessionOptions.MinMaxChars);

    private static readonly Option<int?> PromptCharsOption = PackFlags.WholeNumber(
        "--prompt-chars",
        $"With --agent claude, for a UserPromptSubmit hook: cap on the map of the files the prompt points at, in characters (default {PromptMap.DefaultMaxChars}; at most {ClaudeHook.MaxContextChars:N0}).");

    private static readonly Option<int?> PromptDeadlineOption = PackFlags.WholeNumber(
        "--prompt-deadline", $"With --agent claude, for a UserPromptSubmit hook: milliseconds the whole run may take before it gives up the map and adds nothing (default {PromptMap.DefaultDeadlineMilliseconds}).");

    public static Command Create()
    {
        AgentOption.AcceptOnlyFromAmong("claude");
        var command = new Command("session", "Packs for a coding agent's session into the state folder, appending the edits since the last session, and prints a map of the bundle for the agent.");
        foreach (var symbol in PackFlags.Packing.Concat(PackFlags.TaskFlags).Concat([SettingFlags.For(Settings.StateDirectory), PackFlags.Force, SettingFlags.For(Settings.SplitTokens), AgentOption, MaxCharsOption, PromptCharsOption, PromptDeadlineOption]))
        {
            PackCommand.Add(command, symbol);
        }

        command.SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var hookMode = parse.GetValue(AgentOption) == "claude";
        var log = new ConsoleLog(parse.GetValue(PackFlags.Quiet), parse.GetValue(PackFlags.Verbose));
        HookInput? hook = null;
        try
        {
            hook = hookMode
                ? ClaudeHook.Read(Console.IsInputRedirected ? await Console.In.ReadToEndAsync(cancellationToken) : string.Empty)
                : new HookInput(null, HookSource.Unknown);
            var workingDirectory = hook.WorkingDirectory ?? Environment.CurrentDirectory;
            var bound = PackFlags.Bind(parse, workingDirectory);
            var pack = bound.Pack with { Force = parse.GetValue(PackFlags.Force), Task = await PackFlags.ReadTaskAsync(parse, workingDirectory, cancellationToken) };
            var session = SessionOptions.Merge(bound.File, bound.Flags, pack) with
            {
                MaxChars = parse.GetValue(MaxCharsOption) is not { } maxChars ? SessionOptions.DefaultMaxChars
                    : hookMode ? HookCapped("--max-chars", maxChars, warn: hook.Prompt is null && !parse.GetValue(PackFlags.Quiet)) : maxChars,
            };
            if (hook.Prompt is { } prompt)
            {
                var cap = HookCapped("--prompt-chars", Math.Max(PromptMap.MinMaxChars, parse.GetValue(PromptCharsOption) ?? PromptMap.DefaultMaxChars), !parse.GetValue(PackFlags.Quiet));
                var deadline = TimeSpan.FromMilliseconds(parse.GetValue(PromptDeadlineOption) ?? PromptMap.DefaultDeadlineMilliseconds);
                return await AnswerPromptAsync(pack, session, prompt, (cap, deadline - Running() - AnswerMargin), workingDirectory, cancellationToken);
            }

            SessionOutcome outcome;
            using (var progress = new ProgressLine(parse.GetValue(PackFlags.Quiet)))
            {
                outcome = await SessionRunner.RunAsync(pack, session, workingDirectory, hook.Source, progress, cancellationToken);
            }

            await StandardOutput.WriteAsync(hookMode ? ClaudeHook.Answer(outcome.Map) : outcome.Map);
            log.Report(outcome);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A session hook must never leave the agent without a word: an unexpected failure is one line too.
            var line = e is PackerException ? e.Message : e is OperationCanceledException ? "cancelled." : $"unexpected {e.GetType().Name}: {e.Message}";
            var noRedact = parse.GetValue((Option<bool>)SettingFlags.For(Settings.Redact));
            if (hookMode && hook?.Prompt is not null)
            {
                // A prompt's hook never blocks the prompt nor speaks for a failure: the session's own hook did that.
                await Console.Error.WriteLineAsync($"pack-context: no map for this prompt: {Redacted(noRedact, line)}");
                return ExitCodes.Success;
            }

            if (hookMode)
            {
                return await HookFailureAsync(line, noRedact);
            }

            log.Error(Redacted(noRedact, line));
            return e is PackerException p ? p.ExitCode : ExitCodes.Failure;
        }
    }

    // UserPromptSubmit: a short map of the files the prompt points at, or nothing; never a failure (the prompt must go
    // through whatever happens here), and nothing written.
    private static async Task<int> AnswerPromptAsync(
        Core.Configuration.PackOptions pack, SessionOptions session, string prompt, (int MaxChars, TimeSpan TimeLeft) limits, string workingDirectory, CancellationToken cancellationToken)
    {
        try
        {
            if (await PromptMap.RenderAsync(pack, session, prompt, limits, workingDirectory, cancellationToken) is { } map)
            {
                await StandardOutput.WriteAsync(ClaudeHook.PromptAnswer(map));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"pack-context: no map for this prompt: {e.Message}");
        }

        return ExitCodes.Success;
    }

    // A hook's map within what Claude Code adds of a hook's answer to the context (it saves a longer one to a file and
    // shows the model a preview of it): a larger cap would only lose the map, so it is capped, and said so once.
    private static int HookCapped(string flag, int chars, bool warn)
    {
        if (chars <= ClaudeHook.MaxContextChars)
        {
            return chars;
        }

        if (warn)
        {
            Console.Error.WriteLine(
                $"warning: {flag} {chars:N0} is over the {ClaudeHook.MaxContextChars:N0} characters of a hook's answer that Claude Code adds to the context (it saves a longer one to a file and shows the model a short preview); the map is capped at {ClaudeHook.MaxContextChars:N0} characters.");
        }

        return ClaudeHook.MaxContextChars;
    }

    // What writing the answer and exiting take after the map is made, kept free of the prompt's deadline.
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromMilliseconds(100);

    // How long this process has run: the deadline is the hook's, process start included.
    private static TimeSpan Running() => DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;

    /// <summary>
    /// Tells whether a command line that did not parse was meant for the hook (<c>session … --agent claude</c>): then its
    /// errors are answered as the hook answers any failure, so that a mistyped hook command never stops a session.
    /// </summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="args">The command line as given.</param>
    public static bool IsHook(ParseResult parse, IReadOnlyList<string> args) =>
        parse.CommandResult.Command.Name == "session"
        && args.Select((arg, i) => arg is "--agent=claude" or "--agent:claude" || (arg == "--agent" && i + 1 < args.Count && args[i + 1] == "claude")).Any(hook => hook);

    /// <summary>Answers the hook with one line saying what went wrong (redacted: it goes to the model), and lets the session start.</summary>
    /// <param name="line">What went wrong.</param>
    /// <param name="noRedact">Whether --no-redact was given.</param>
    public static async Task<int> HookFailureAsync(string line, bool noRedact)
    {
        var oneLine = string.Join(' ', Redacted(noRedact, line).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        try
        {
            await StandardOutput.WriteAsync(ClaudeHook.Failure($"dotnet pack-context could not pack this session's context bundle: {oneLine} The session starts without it."));
            return ExitCodes.Success;
        }
        catch (FileAccessException e)
        {
            // Nobody reads the answer: say both failures where a person may look.
            await Console.Error.WriteLineAsync(oneLine == e.Message ? $"error: {oneLine}" : $"error: {oneLine} Then {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string Redacted(bool noRedact, string text) =>
        noRedact ? text : new SecretRedactor(RedactionOptions.Default).Redact("error.txt", text).Text;
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Packer.Cli;

/// <summary>
/// How the MCP server writes its log on standard error: one line each, as the other commands write theirs
/// (<c>warning: pack_context: target 'X' matches no …</c>). Only an exception, which is a bug, adds lines: its stack trace.
/// </summary>
internal sealed class LogLines() : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name, for <see cref="ConsoleLoggerOptions.FormatterName"/>.</summary>
    public const string FormatterName = "pack-context";

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.WriteLine($"{Level(logEntry.LogLevel)}: {message?.ReplaceLineEndings(" ")}");
        if (logEntry.Exception is { } exception)
        {
            textWriter.WriteLine(exception.ToString());
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => "error",
        LogLevel.Warning => "warning",
        LogLevel.Information => "info",
        _ => "debug",
    };
}

using System.CommandLine;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Output;
using Packer.Core.Pipeline;

namespace Packer.Cli;

/// <summary>The root command, <c>dotnet pack-context [PATH] [flags]</c>: packs once and writes the bundle and manifest where told.</summary>
internal static class PackCommand
{
    private static readonly Option<string?> DepFileOption = new("--depfile")
    {
        Description = "Also write the files the bundle was packed from, one path a line (for a build's up-to-date check; PackContext.MSBuild uses it).",
    };

    private static readonly Option<string?> LogFormatOption = new("--log-format")
    {
        Description = "How errors and warnings are written: plain (default), or msbuild (canonical 'file(line,col): error PCTX004: text' lines, for build logs and IDE error lists).",
    };

    static PackCommand()
    {
        LogFormatOption.AcceptOnlyFromAmong("plain", "msbuild");
    }

    public static RootCommand Create()
    {
        var root = new RootCommand("Packs the files of a .NET solution that matter for a target or a task into a deterministic, token-capped context bundle.");
        Symbol[] symbols =
        [
            .. SettingFlags.For(Settings.Solution, Settings.Targets), PackFlags.Task, PackFlags.TaskFile,
            .. SettingFlags.For(Settings.MaxTokens, Settings.Tokenizer, Settings.Format, Settings.CacheMinTokens, Settings.Output, Settings.Manifest, Settings.Previous),
            DepFileOption,
            SettingFlags.For(Settings.EditRoom), PackFlags.Config, .. SettingFlags.For(Settings.Cache, Settings.CacheDirectory, Settings.Redact),
            PackFlags.Force, PackFlags.Verbose, PackFlags.Quiet, LogFormatOption,
        ];
        foreach (var symbol in symbols)
        {
            Add(root, symbol);
        }

        root.SetAction(ExecuteAsync);
        return root;
    }

    /// <summary>Adds a flag or an argument to a command.</summary>
    public static void Add(Command command, Symbol symbol)
    {
        if (symbol is Option option)
        {
            command.Options.Add(option);
        }
        else
        {
            command.Arguments.Add((Argument)symbol);
        }
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var log = new ConsoleLog(parse.GetValue(PackFlags.Quiet), parse.GetValue(PackFlags.Verbose), LogFormatOf(parse));
        try
        {
            var workingDirectory = Environment.CurrentDirectory;
            var options = PackFlags.Bind(parse, workingDirectory).Pack with
            {
                Force = parse.GetValue(PackFlags.Force),
                Task = await PackFlags.ReadTaskAsync(parse, workingDirectory, cancellationToken),
                DepFile = PackFlags.Absolute(parse.GetValue(DepFileOption), workingDirectory),
            };
            PackResult result;
            using (var progress = new ProgressLine(parse.GetValue(PackFlags.Quiet)))
            {
                result = await ContextPacker.PackOrRepeatAsync(options, workingDirectory, progress, cancellationToken);
            }

            await WriteOutputsAsync(options, result, cancellationToken);
            log.Report(options, result);
            return ExitCodes.Success;
        }
        catch (PackerException e)
        {
            log.Error(e);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            log.Error(DiagnosticCodes.Cancelled, "cancelled.");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (log.Format == LogFormat.MsBuild)
        {
            // A build must see an error line for every failure, or it would not fail (see PackContext.MSBuild.targets).
            log.Unexpected(e);
            return ExitCodes.Failure;
        }
    }

    /// <summary>How a command line asks for its errors and warnings to be written (plain unless it validly asks for msbuild).</summary>
    public static LogFormat LogFormatOf(ParseResult parse) =>
        parse.GetResult(LogFormatOption) is { } result && !result.Errors.Any() && parse.GetValue(LogFormatOption) == "msbuild" ? LogFormat.MsBuild : LogFormat.Plain;

    // The bundle and manifest are committed together: both are written before either replaces its file.
    private static async Task WriteOutputsAsync(PackOptions options, PackResult result, CancellationToken cancellationToken)
    {
        var files = new List<(string Path, string Text)>();
        if (options.DepFile is not null)
        {
            files.Add((options.DepFile, await DependencyFile.TextAsync(options, result, cancellationToken)));
        }

        if (options.Output is not null)
        {
            files.Add((options.Output, result.Bundle));
        }

        if (options.Manifest is not null)
        {
            files.Add((options.Manifest, result.ManifestText));
        }

        OutputWriter.Write(files);
        if (options.Output is null)
        {
            await StandardOutput.WriteAsync(result.Bundle);
        }
    }
}

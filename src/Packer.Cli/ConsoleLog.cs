using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Pipeline;
using Packer.Agents.Session;
using Packer.Agents.Setup;

namespace Packer.Cli;

/// <summary>Everything the tool says goes to standard error; standard output carries only the bundle.</summary>
internal sealed class ConsoleLog(bool quiet, bool verbose, LogFormat format = LogFormat.Plain)
{
    private const string Origin = "pack-context";

    /// <summary>Gets how lines are written.</summary>
    public LogFormat Format => format;

    /// <summary>Reports an expected failure.</summary>
    public void Error(PackerException e)
    {
        if (format == LogFormat.MsBuild)
        {
            var origin = e.Location is { } at ? $"{at.Path}({at.Line},{at.Column})" : Origin + " ";
            WriteLine($"{origin}: error {e.Code}: {OneLine(e.Text)}");
        }
        else
        {
            WriteLine($"error: {e.Message}");
        }
    }

    /// <summary>Reports a failure as a person reads it (the session, init and mcp commands, which have no build log format).</summary>
    public void Error(string message) => WriteLine($"error: {message}");

    /// <summary>Reports a failure that has no location.</summary>
    public void Error(string code, string text)
    {
        WriteLine(format == LogFormat.MsBuild ? $"{Origin} : error {code}: {OneLine(text)}" : $"error: {text}");
    }

    /// <summary>Reports a bug: in the msbuild format, a coded error line followed by the stack trace as plain lines.</summary>
    public void Unexpected(Exception e)
    {
        Error(DiagnosticCodes.Unexpected, $"unexpected failure, a bug in the tool ({e.GetType().Name}: {e.Message}); the stack trace follows.");
        WriteLine(e.ToString());
    }

    private static string Outlined(PackResult result) => result.Stats.Outlined > 0 ? $", outlined {result.Stats.Outlined}" : string.Empty;

    public void Report(PackOptions options, PackResult result)
    {
        if (quiet)
        {
            return;
        }

        Details(result);

        // A build log names files by full path (as the compiler's "App -> /path/App.dll" line does).
        var destination = options.Output is null ? "standard output"
            : format == LogFormat.MsBuild ? options.Output
            : Path.GetRelativePath(Environment.CurrentDirectory, options.Output);
        var prefix = format == LogFormat.MsBuild ? Origin + ": " : string.Empty;
        WriteLine($"{prefix}packed {result.Stats.Included} files{Outlined(result)} and listed {result.Stats.Listed} ({result.TotalTokens}/{options.MaxTokens} tokens) to {destination}");
    }

    public void Report(SessionOutcome outcome)
    {
        if (quiet)
        {
            return;
        }

        Details(outcome.Result);
        var parts = outcome.Parts.Count == 0 ? string.Empty : $" in {outcome.Parts.Count} part(s)";
        Console.Error.WriteLine(
            $"session: packed {outcome.Result.Stats.Included} files{Outlined(outcome.Result)} and listed {outcome.Result.Stats.Listed} ({outcome.Result.TotalTokens} tokens) to {outcome.Bundle}{parts}; previous {outcome.Result.Previous}");
    }

    public void Report(SetupOutcome outcome, string folder)
    {
        if (quiet)
        {
            return;
        }

        outcome.Written.ToList().ForEach(path => Console.Error.WriteLine($"wrote {Path.GetRelativePath(folder, path)}"));
        outcome.Kept.ToList().ForEach(path => Console.Error.WriteLine($"kept {Path.GetRelativePath(folder, path)} (already set up)"));
        outcome.Notes.ToList().ForEach(note => Console.Error.WriteLine(note));
    }

    private void Details(PackResult result)
    {
        foreach (var warning in result.Warnings)
        {
            var code = WarningCodes.For(warning);
            WriteLine(format != LogFormat.MsBuild ? $"warning: {warning}"
                : WarningCodes.BuildMessages.Contains(code) ? $"{Origin}: note {code}: {OneLine(warning)}" // not MSBuild's canonical form: a message
                : $"{Origin} : warning {code}: {OneLine(warning)}");
        }

        if (verbose)
        {
            foreach (var timing in result.Timings)
            {
                WriteLine($"phase {timing.Phase,-7} {timing.Elapsed.TotalSeconds,8:F3} s");
            }

            WriteLine($"phase total   {result.Timings.Sum(t => t.Elapsed.TotalSeconds),8:F3} s");
            WriteLine($"cache {result.Cache}");
            if (MsBuildRegistration.RegisteredPath is { } msbuild)
            {
                WriteLine($"msbuild {msbuild}");
            }

            WriteLine($"previous {result.Previous}");
            foreach (var (name, value) in result.Stats.Named)
            {
                WriteLine($"stat  {name,-10} {value}");
            }

            if (result.Summary is { } summary)
            {
                WriteLine(
                    $"summary {string.Join(", ", summary.Targets)}: {summary.Files} files, about {summary.ApproxTokens} tokens; outline of {summary.Folders} folders ({summary.Outline}); "
                    + $"{summary.Full} full, {summary.Signatures} signatures, {summary.Outlined} only in the outline, {summary.Listed} only listed; {summary.Bound} bound to rank them");
                foreach (var narrower in summary.Narrower)
                {
                    WriteLine($"narrower --target {narrower.Spec}  {narrower.Files} files, about {narrower.ApproxTokens} tokens");
                }
            }

            // The process's own peak (the BuildHost that evaluates projects is another process).
            WriteLine($"stat  peakWorkingSetMB {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}");
        }
    }

    private static void WriteLine(string line) => Console.Error.WriteLine(line);

    // A canonical line is one line: MSBuild reads each line on its own.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

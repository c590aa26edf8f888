using Packer.Core.Configuration;
using Packer.Core.Pipeline;
using Packer.Core.Session;
using Packer.Core.Setup;

namespace Packer.Cli;

/// <summary>Everything the tool says goes to standard error; standard output carries only the bundle.</summary>
internal sealed class ConsoleLog(bool quiet, bool verbose)
{
    public void Error(string message) => Console.Error.WriteLine($"error: {message}");

    public void Report(PackOptions options, PackResult result)
    {
        if (quiet)
        {
            return;
        }

        Details(result);
        var destination = options.Output is null ? "standard output" : Path.GetRelativePath(Environment.CurrentDirectory, options.Output);
        Console.Error.WriteLine(
            $"packed {result.Stats.Included} files and listed {result.Stats.Listed} ({result.TotalTokens}/{options.MaxTokens} tokens) to {destination}");
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
            $"session: packed {outcome.Result.Stats.Included} files and listed {outcome.Result.Stats.Listed} ({outcome.Result.TotalTokens} tokens) to {outcome.Bundle}{parts}; previous {outcome.Result.Previous}");
    }

    public void Report(SetupOutcome outcome, string folder)
    {
        if (quiet)
        {
            return;
        }

        outcome.Written.ToList().ForEach(path => Console.Error.WriteLine($"wrote {Path.GetRelativePath(folder, path)}"));
        outcome.Kept.ToList().ForEach(path => Console.Error.WriteLine($"kept {Path.GetRelativePath(folder, path)} (already set up)"));
    }

    private void Details(PackResult result)
    {
        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        if (verbose)
        {
            foreach (var timing in result.Timings)
            {
                Console.Error.WriteLine($"phase {timing.Phase,-7} {timing.Elapsed.TotalSeconds,8:F3} s");
            }

            Console.Error.WriteLine($"phase total   {result.Timings.Sum(t => t.Elapsed.TotalSeconds),8:F3} s");
            Console.Error.WriteLine($"cache {result.Cache}");
            Console.Error.WriteLine($"previous {result.Previous}");
            foreach (var (name, value) in result.Stats.Named)
            {
                Console.Error.WriteLine($"stat  {name,-10} {value}");
            }

            // The process's own peak (the BuildHost that evaluates projects is another process).
            Console.Error.WriteLine($"stat  peakWorkingSetMB {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}");
        }
    }
}

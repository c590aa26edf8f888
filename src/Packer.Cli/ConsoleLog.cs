using Packer.Core.Configuration;
using Packer.Core.Pipeline;

namespace Packer.Cli;

/// <summary>Everything the tool says goes to standard error; standard output carries only the bundle.</summary>
internal sealed class ConsoleLog(bool quiet, bool verbose)
{
    public void Error(string message) => Console.Error.WriteLine($"error: {message}");

    private static string Outlined(PackResult result) => result.Stats.Outlined > 0 ? $", outlined {result.Stats.Outlined}" : string.Empty;

    public void Report(PackOptions options, PackResult result)
    {
        if (quiet)
        {
            return;
        }

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

            if (result.Manifest.Summary is { } summary)
            {
                Console.Error.WriteLine(
                    $"summary {string.Join(", ", summary.Targets)}: {summary.Files} files, about {summary.ApproxTokens} tokens; outline of {summary.Folders} folders ({summary.Outline}); "
                    + $"{summary.Full} full, {summary.Signatures} signatures, {summary.Outlined} only in the outline; {summary.Bound} bound to rank them");
                foreach (var narrower in summary.Narrower)
                {
                    Console.Error.WriteLine($"narrower --target {narrower.Spec}  {narrower.Files} files, about {narrower.ApproxTokens} tokens");
                }
            }

            // The process's own peak (the BuildHost that evaluates projects is another process).
            Console.Error.WriteLine($"stat  peakWorkingSetMB {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}");
        }

        var destination = options.Output is null ? "standard output" : Path.GetRelativePath(Environment.CurrentDirectory, options.Output);
        Console.Error.WriteLine(
            $"packed {result.Stats.Included} files{Outlined(result)} and listed {result.Stats.Listed} ({result.TotalTokens}/{options.MaxTokens} tokens) to {destination}");
    }
}

using System.CommandLine;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Output;
using Packer.Core.Pipeline;

namespace Packer.Cli;

/// <summary>The root command, <c>dotnet pack-context [PATH] [flags]</c>: packs once and writes the bundle and manifest where told.</summary>
internal static class PackCommand
{
    private static readonly Option<string?> OutputOption = new("--output", "-o") { Description = "Write the bundle to this file instead of standard output." };
    private static readonly Option<string?> ManifestOption = new("--manifest") { Description = "Write the manifest (JSON) to this file." };
    private static readonly Option<string?> PreviousOption = new("--previous")
    {
        Description = "An earlier run's manifest (may be the --manifest file itself): its bundle is repeated with the session's edits appended as diffs, or else its opening files stay in place while unchanged, so a prompt cache keeps its prefix.",
    };


    public static RootCommand Create()
    {
        var root = new RootCommand("Packs the files of a .NET solution that matter for a target into a deterministic, token-capped context bundle.");
        Symbol[] symbols =
        [
            PackFlags.Path, PackFlags.Target, PackFlags.MaxTokens, PackFlags.Tokenizer, PackFlags.Format, PackFlags.CacheMinTokens,
            OutputOption, ManifestOption, PreviousOption,
            PackFlags.EditRoom, PackFlags.Config, PackFlags.NoCache, PackFlags.CacheDir, PackFlags.NoRedact, PackFlags.Force, PackFlags.Verbose, PackFlags.Quiet,
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
        var log = new ConsoleLog(parse.GetValue(PackFlags.Quiet), parse.GetValue(PackFlags.Verbose));
        try
        {
            var workingDirectory = Environment.CurrentDirectory;
            var options = PackFlags.Bind(parse, workingDirectory, new ConfigFile
            {
                Output = PackFlags.Absolute(parse.GetValue(OutputOption), workingDirectory),
                Manifest = PackFlags.Absolute(parse.GetValue(ManifestOption), workingDirectory),
                Previous = PackFlags.Absolute(parse.GetValue(PreviousOption), workingDirectory),
            }).Pack with { Force = parse.GetValue(PackFlags.Force) };
            PackResult result;
            using (var progress = new ProgressLine(parse.GetValue(PackFlags.Quiet)))
            {
                result = await ContextPacker.PackAsync(options, workingDirectory, progress, cancellationToken);
            }

            await WriteOutputsAsync(options, result);
            log.Report(options, result);
            return ExitCodes.Success;
        }
        catch (PackerException e)
        {
            log.Error(e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            log.Error("cancelled.");
            return ExitCodes.Failure;
        }
    }

    // The bundle and manifest are committed together: both are written before either replaces its file.
    private static async Task WriteOutputsAsync(PackOptions options, PackResult result)
    {
        var files = new List<(string Path, string Text)>();
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
            try
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(result.Bundle));
            }
            catch (Exception e) when (FileAccessException.Covers(e))
            {
                throw new FileAccessException($"standard output could not be written ({e.Message}).", e);
            }
        }
    }
}

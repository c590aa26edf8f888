using System.CommandLine;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Output;
using Packer.Core.Pipeline;

namespace Packer.Cli;

/// <summary>The root command: binds flags, merges them with packer.yaml, runs the pipeline, writes outputs.</summary>
internal static class PackCommand
{
    private static readonly Argument<string?> PathArgument = new("PATH")
    {
        Description = "A .sln, .slnx or .csproj, or a folder holding exactly one (default: the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string[]> TargetOption = new("--target", "-t")
    {
        Description = "A project, file, type, namespace or folder to pack around; prefix project:, file:, type:, namespace: or folder: to force the kind. Repeatable.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<int?> MaxTokensOption = new("--max-tokens")
    {
        Description = $"Cap on the whole rendered bundle, in tokens (default {PackOptions.DefaultMaxTokens}).",
    };

    private static readonly Option<string?> TokenizerOption = new("--tokenizer")
    {
        Description = $"Tokenizer encoding (default {PackOptions.DefaultTokenizer}).",
    };

    private static readonly Option<string?> FormatOption = new("--format")
    {
        Description = "Bundle format: xml (default), markdown, json, or anthropic (content blocks with cache_control).",
    };

    private static readonly Option<int?> CacheMinTokensOption = new("--cache-min-tokens")
    {
        Description = $"anthropic format: smallest segment, in tokens, that gets a cache breakpoint (default {PackOptions.DefaultCacheMinTokens}).",
    };

    private static readonly Option<string?> OutputOption = new("--output", "-o") { Description = "Write the bundle to this file instead of standard output." };
    private static readonly Option<string?> ManifestOption = new("--manifest") { Description = "Write the manifest (JSON) to this file." };
    private static readonly Option<string?> PreviousOption = new("--previous")
    {
        Description = "An earlier run's manifest (may be the --manifest file itself): its bundle is repeated with the session's edits appended as diffs, or else its opening files stay in place while unchanged, so a prompt cache keeps its prefix.",
    };

    private static readonly Option<int?> EditRoomOption = new("--edit-room")
    {
        Description = $"With --previous: percent of the cap a bundle leaves free for the edits later runs append (default {PackOptions.DefaultEditRoom}; 0 turns appending off).",
    };

    private static readonly Option<string?> ConfigOption = new("--config") { Description = $"Config file (default: {ConfigLoader.DefaultFileName} in the current folder, if present)." };
    private static readonly Option<bool> NoCacheOption = new("--no-cache") { Description = "Neither read nor write the analysis cache (a cold run)." };
    private static readonly Option<string?> CacheDirOption = new("--cache-dir") { Description = "Keep the analysis cache in this folder (default: the user's cache folder)." };
    private static readonly Option<bool> VerboseOption = new("--verbose") { Description = "Print phase timings and counts to standard error." };
    private static readonly Option<bool> QuietOption = new("--quiet", "-q") { Description = "Print nothing but errors to standard error." };

    public static async Task<int> RunAsync(string[] args)
    {
        TokenizerOption.AcceptOnlyFromAmong([.. OptionValues.Tokenizers]);
        FormatOption.AcceptOnlyFromAmong([.. OptionValues.Formats]);
        var root = new RootCommand("Packs the files of a .NET solution that matter for a target into a deterministic, token-capped context bundle.")
        {
            PathArgument, TargetOption, MaxTokensOption, TokenizerOption, FormatOption, CacheMinTokensOption, OutputOption, ManifestOption, PreviousOption, EditRoomOption, ConfigOption, NoCacheOption, CacheDirOption, VerboseOption, QuietOption,
        };
        root.SetAction((parse, cancellationToken) => ExecuteAsync(parse, cancellationToken));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'dotnet pack-context --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync();
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var log = new ConsoleLog(parse.GetValue(QuietOption), parse.GetValue(VerboseOption));
        try
        {
            var workingDirectory = Environment.CurrentDirectory;
            var options = Options(parse, workingDirectory);
            PackResult result;
            using (var progress = new ProgressLine(parse.GetValue(QuietOption)))
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

    private static PackOptions Options(ParseResult parse, string workingDirectory)
    {
        var configPath = parse.GetValue(ConfigOption) is { } explicitPath
            ? Path.GetFullPath(explicitPath, workingDirectory)
            : Path.Combine(workingDirectory, ConfigLoader.DefaultFileName);
        var file = parse.GetValue(ConfigOption) is not null || File.Exists(configPath) ? ConfigLoader.Load(configPath) : null;

        var maxTokens = parse.GetValue(MaxTokensOption);
        if (maxTokens is { } cap && !OptionValues.IsMaxTokens(cap))
        {
            throw new UsageException($"--max-tokens must be at least {OptionValues.MinMaxTokens} (got {cap}).");
        }

        if (parse.GetValue(CacheMinTokensOption) is < 0)
        {
            throw new UsageException("--cache-min-tokens must not be negative.");
        }

        if (parse.GetValue(EditRoomOption) is { } room && !OptionValues.IsEditRoom(room))
        {
            throw new UsageException($"--edit-room must be {OptionValues.EditRoomExpected} (got {room}).");
        }

        string? Absolute(string? path) => path is null ? null : Path.GetFullPath(path, workingDirectory);
        var flags = new ConfigFile
        {
            Solution = Absolute(parse.GetValue(PathArgument)),
            Targets = parse.GetValue(TargetOption),
            MaxTokens = maxTokens,
            Tokenizer = parse.GetValue(TokenizerOption),
            Format = parse.GetValue(FormatOption) is { } format ? OptionValues.ParseFormat(format) : null,
            CacheMinTokens = parse.GetValue(CacheMinTokensOption),
            Output = Absolute(parse.GetValue(OutputOption)),
            Manifest = Absolute(parse.GetValue(ManifestOption)),
            Previous = Absolute(parse.GetValue(PreviousOption)),
            EditRoom = parse.GetValue(EditRoomOption),
            Cache = parse.GetValue(NoCacheOption) ? false : null,
            CacheDirectory = Absolute(parse.GetValue(CacheDirOption)),
        };
        return OptionsMerger.Merge(file, flags, workingDirectory, file is null ? null : configPath);
    }

    private static async Task WriteOutputsAsync(PackOptions options, PackResult result)
    {
        try
        {
            await WriteAsync(options, result);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, options.Output ?? options.Manifest);
        }
    }

    private static async Task WriteAsync(PackOptions options, PackResult result)
    {
        if (options.Output is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(result.Bundle));
        }
        else
        {
            AtomicFile.WriteAllText(options.Output, result.Bundle);
        }

        if (options.Manifest is not null)
        {
            AtomicFile.WriteAllText(options.Manifest, result.ManifestText);
        }
    }
}

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

    private static readonly Option<int?> MaxTokensOption = WholeNumber("--max-tokens", $"Cap on the whole rendered bundle, in tokens (default {PackOptions.DefaultMaxTokens}).");

    private static readonly Option<string?> TokenizerOption = new("--tokenizer")
    {
        Description = $"Tokenizer encoding (default {PackOptions.DefaultTokenizer}).",
    };

    private static readonly Option<string?> FormatOption = new("--format")
    {
        Description = "Bundle format: xml (default), markdown, json, or anthropic (content blocks with cache_control).",
    };

    private static readonly Option<int?> CacheMinTokensOption = WholeNumber("--cache-min-tokens", $"anthropic format: smallest segment, in tokens, that gets a cache breakpoint (default {PackOptions.DefaultCacheMinTokens}).");

    private static readonly Option<string?> OutputOption = new("--output", "-o") { Description = "Write the bundle to this file instead of standard output." };
    private static readonly Option<string?> ManifestOption = new("--manifest") { Description = "Write the manifest (JSON) to this file." };
    private static readonly Option<string?> PreviousOption = new("--previous")
    {
        Description = "An earlier run's manifest (may be the --manifest file itself): its bundle is repeated with the session's edits appended as diffs, or else its opening files stay in place while unchanged, so a prompt cache keeps its prefix.",
    };

    private static readonly Option<int?> EditRoomOption = WholeNumber("--edit-room", $"With --previous: percent of the cap a bundle leaves free for the edits later runs append (default {PackOptions.DefaultEditRoom}; 0 turns appending off).");

    private static readonly Option<string?> ConfigOption = new("--config") { Description = $"Config file (default: {ConfigLoader.DefaultFileName} in the current folder, if present)." };
    private static readonly Option<bool> NoCacheOption = new("--no-cache") { Description = "Neither read nor write the analysis cache (a cold run)." };
    private static readonly Option<string?> CacheDirOption = new("--cache-dir") { Description = "Keep the analysis cache in this folder (default: the user's cache folder)." };
    private static readonly Option<bool> ForceOption = new("--force") { Description = "Replace an existing -o or --manifest file even if it is not a bundle or manifest this tool wrote." };
    private static readonly Option<bool> NoRedactOption = new("--no-redact") { Description = "Do not redact secrets (keys, tokens, passwords) from what the bundle holds. Redaction is on by default." };
    private static readonly Option<bool> VerboseOption = new("--verbose") { Description = "Print phase timings and counts to standard error." };
    private static readonly Option<bool> QuietOption = new("--quiet", "-q") { Description = "Print nothing but errors to standard error." };

    // A number option whose bad value is reported in the user's words, not as a .NET type's name.
    private static Option<int?> WholeNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name} must be a whole number (got '{token}').");
            return null;
        },
    };

    public static async Task<int> RunAsync(string[] args)
    {
        TokenizerOption.AcceptOnlyFromAmong([.. OptionValues.Tokenizers]);
        FormatOption.AcceptOnlyFromAmong([.. OptionValues.Formats]);
        var root = new RootCommand("Packs the files of a .NET solution that matter for a target into a deterministic, token-capped context bundle.")
        {
            PathArgument, TargetOption, MaxTokensOption, TokenizerOption, FormatOption, CacheMinTokensOption, OutputOption, ManifestOption, PreviousOption, EditRoomOption, ConfigOption, NoCacheOption, CacheDirOption, NoRedactOption, ForceOption, VerboseOption, QuietOption,
        };
        root.SetAction((parse, cancellationToken) => ExecuteAsync(parse, cancellationToken));

        var parsed = root.Parse(args);
        var errors = parsed.Errors.Select(e => e.Message).ToList();
        if (parsed.GetValue(PathArgument) is { } path && path.StartsWith('-'))
        {
            errors.Insert(0, UnknownOption(path, root.Options.SelectMany(o => o.Aliases.Prepend(o.Name))));
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
            }

            await Console.Error.WriteLineAsync("Run 'dotnet pack-context --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync();
    }

    // A PATH that looks like an option is a mistyped one (PATH would have taken it).
    private static string UnknownOption(string given, IEnumerable<string> known)
    {
        var closest = known.Where(k => k.StartsWith('-'))
            .OrderBy(k => Core.Text.Similarity.EditDistance(k, given)).ThenBy(k => k, StringComparer.Ordinal).First();
        var hint = Core.Text.Similarity.EditDistance(closest, given) <= 3 ? $" Did you mean '{closest}'?" : string.Empty;
        return $"unknown option '{given}'.{hint}";
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
            Redact = parse.GetValue(NoRedactOption) ? false : null,
        };
        return OptionsMerger.Merge(file, flags, workingDirectory, file is null ? null : configPath) with { Force = parse.GetValue(ForceOption) };
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

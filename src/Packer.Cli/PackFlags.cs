using System.CommandLine;
using Packer.Core;
using Packer.Core.Configuration;

namespace Packer.Cli;

/// <summary>
/// The flags the commands share, and the one place they are bound: the command line's settings, over
/// packer.yaml's (the working folder's, or --config), over the defaults.
/// </summary>
internal static class PackFlags
{
    /// <summary>The solution (PATH).</summary>
    public static Argument<string?> Path => (Argument<string?>)SettingFlags.For(Settings.Solution);

    public static readonly Option<string?> Task = new("--task")
    {
        Description = "What the bundle is for (an issue, a brief, a prompt, a stack trace): files are ranked by what it names, and with no target by it alone.",
    };

    public static readonly Option<string?> TaskFile = new("--task-file")
    {
        Description = "Read the task from this file ('-': standard input).",
    };

    public static readonly Option<string?> Config = new("--config") { Description = $"Config file (default: {ConfigLoader.DefaultFileName} in the current folder, if present)." };
    public static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace an existing output (-o, --manifest; session: the files of the state folder) even if it is not a file of its kind this tool wrote.",
    };

    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Print phase timings and counts to standard error." };
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Print nothing but errors to standard error." };

    /// <summary>The flags every packing command takes (pack, session, mcp).</summary>
    public static IEnumerable<Symbol> Packing =>
    [
        .. SettingFlags.For(Settings.Solution, Settings.Targets, Settings.MaxTokens, Settings.Tokenizer, Settings.Format, Settings.CacheMinTokens, Settings.EditRoom),
        Config,
        .. SettingFlags.For(Settings.Cache, Settings.CacheDirectory, Settings.Redact),
        Verbose,
        Quiet,
    ];

    /// <summary>The flags that give a task (pack, session).</summary>
    public static IEnumerable<Symbol> TaskFlags => [Task, TaskFile];

    /// <summary>The most of a task file that is read, in bytes; what a task says past its first pages is not read anyway.</summary>
    public const int MaxTaskBytes = 1024 * 1024;

    /// <summary>Reads the task --task or --task-file gives, or null for none.</summary>
    /// <param name="parse">The parsed command line (of a command that takes <see cref="TaskFlags"/>).</param>
    /// <param name="workingDirectory">Where a relative --task-file is.</param>
    /// <param name="cancellationToken">Cancels reading standard input.</param>
    public static async Task<string?> ReadTaskAsync(ParseResult parse, string workingDirectory, CancellationToken cancellationToken)
    {
        var (text, file) = (parse.GetValue(Task), parse.GetValue(TaskFile));
        if (text is not null && file is not null)
        {
            throw new UsageException("give the task with --task or with --task-file, not both.");
        }

        if (file is not null)
        {
            text = await ReadTaskFileAsync(file, workingDirectory, cancellationToken);
        }

        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException(file is null ? "--task is empty: say what the bundle is for." : $"the task in {file} is empty: say what the bundle is for.");
        }

        return text;
    }

    private static async Task<string> ReadTaskFileAsync(string file, string workingDirectory, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = file == "-" ? Console.OpenStandardInput() : File.OpenRead(System.IO.Path.GetFullPath(file, workingDirectory));
            var buffer = new byte[MaxTaskBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            return new System.Text.UTF8Encoding(false).GetString(buffer, 0, read).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--task-file {file}: {e.Message}");
        }
    }

    /// <summary>
    /// A number option whose bad value, or one out of its range, is reported in the user's words with the range it takes
    /// (the words packer.yaml and the MCP tools use), not as a .NET type's name.
    /// </summary>
    /// <param name="name">The flag.</param>
    /// <param name="description">Its help text.</param>
    /// <param name="minimum">The smallest value taken.</param>
    /// <param name="maximum">The largest value taken (<see cref="int.MaxValue"/>: no other limit).</param>
    /// <param name="expected">What the value must be, when the range alone does not say it well.</param>
    public static Option<int?> WholeNumber(string name, string description, int minimum = 0, int maximum = int.MaxValue, string? expected = null)
    {
        var must = expected ?? (maximum == int.MaxValue ? $"a whole number, at least {minimum:N0}" : OptionValues.WholeNumberFrom(minimum, maximum));
        return new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
                {
                    return value;
                }

                result.AddError($"{name} must be {must} (got '{token}').");
                return null;
            },
        };
    }

    /// <summary>The error for a PATH that looks like an option: a mistyped one (PATH would have taken it).</summary>
    /// <param name="given">What was given.</param>
    /// <param name="command">The command it was given to.</param>
    public static string UnknownOption(string given, Command command)
    {
        var closest = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(k => k.StartsWith('-'))
            .OrderBy(k => Core.Text.Similarity.EditDistance(k, given)).ThenBy(k => k, StringComparer.Ordinal).First();
        var hint = Core.Text.Similarity.EditDistance(closest, given) <= 3 ? $" Did you mean '{closest}'?" : string.Empty;
        return $"unknown option '{given}'.{hint}";
    }

    /// <summary>Binds the flags of the settings and merges them with packer.yaml.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="workingDirectory">Where packer.yaml is looked for and relative paths resolve.</param>
    public static Bound Bind(ParseResult parse, string workingDirectory)
    {
        var configPath = parse.GetValue(Config) is { } explicitPath
            ? System.IO.Path.GetFullPath(explicitPath, workingDirectory)
            : System.IO.Path.Combine(workingDirectory, ConfigLoader.DefaultFileName);
        var file = parse.GetValue(Config) is not null || File.Exists(configPath) ? ConfigLoader.Load(configPath) : null;
        var flags = SettingFlags.Bind(parse, workingDirectory);
        return new Bound(OptionsMerger.Merge(file, flags, workingDirectory, file is null ? null : configPath), file, flags);
    }

    /// <summary>Makes a path from the command line absolute.</summary>
    public static string? Absolute(string? path, string workingDirectory) => path is null ? null : System.IO.Path.GetFullPath(path, workingDirectory);

    /// <summary>The bound settings.</summary>
    /// <param name="Pack">The merged pack options.</param>
    /// <param name="File">packer.yaml's settings, if there is one.</param>
    /// <param name="Flags">The command line's settings.</param>
    public sealed record Bound(PackOptions Pack, ConfigFile? File, ConfigFile Flags);
}

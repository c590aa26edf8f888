using System.Globalization;
using Packer.Core.Diagnostics;
using Packer.Core.Redaction;
using Packer.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Packer.Core.Configuration;

/// <summary>
/// Reads packer.yaml. Every mistake (syntax, unknown key, wrong type, bad value) is a
/// <see cref="UsageException"/> that names the file, the line and the key, with its code and the column in
/// its <see cref="PackerException.Location"/>.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The file name looked for in the working folder when no --config is given.</summary>
    public const string DefaultFileName = "packer.yaml";

    /// <summary>The largest config file read.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly string[] Keys =
        ["solution", "targets", "maxTokens", "tokenizer", "format", "cacheMinTokens", "output", "manifest", "previous", "editRoom", "include", "exclude", "cache", "cacheDirectory", "redact", "maxFileBytes", "stateDirectory", "splitTokens"];

    /// <summary>Reads and checks a config file.</summary>
    /// <param name="path">The file; relative paths inside it resolve against its folder.</param>
    public static ConfigFile Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new UsageException($"{path}: config file not found.", DiagnosticCodes.ConfigNotFound);
        }

        var display = path;
        string text;
        try
        {
            text = BoundedFile.ReadAllText(fullPath, MaxFileBytes);
        }
        catch (FileTooLargeException)
        {
            throw new UsageException(
                $"{path}: larger than {BoundedFile.Describe(MaxFileBytes)}, the most read of a config file; a packer.yaml is a short list of settings.",
                DiagnosticCodes.ConfigTooLarge);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, path);
        }

        var stream = new YamlStream();
        var parser = new BoundedParser(new Parser(new StringReader(text)), display);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new UsageException($"invalid YAML: {Unwrap(e).Message}", DiagnosticCodes.ConfigSyntax, At(display, PositionOf(e, text)));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet stops without a position on some malformed input (e.g. an unclosed '['): name the
            // last line it read.
            throw new UsageException(
                $"invalid YAML (an unclosed bracket or quote?): {e.Message}", DiagnosticCodes.ConfigSyntax, At(display, (parser.LastLine, parser.LastColumn)));
        }

        if (stream.Documents.Count > 1)
        {
            throw Error(display, stream.Documents[1].RootNode, "a second YAML document (after '---'): a packer.yaml is one document, and the tool would ignore this one. Merge its keys into the first.");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ConfigFile();
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(display, stream.Documents[0].RootNode, "the file must be a mapping of keys to values (e.g. 'maxTokens: 32000').");
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        var config = new ConfigFile();
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            locations[key] = At(display, keyNode);
            config = key switch
            {
                "solution" => config with { Solution = ResolvePath(folder, Scalar(display, key, value)) },
                "targets" => config with { Targets = TargetSpec.ParseAll(List(display, key, value)) },
                "maxTokens" => config with { MaxTokens = MaxTokens(display, key, value) },
                "tokenizer" => config with { Tokenizer = Tokenizer(display, key, value) },
                "format" => config with { Format = Format(display, key, value) },
                "cacheMinTokens" => config with { CacheMinTokens = CacheMinTokens(display, key, value) },
                "output" => config with { Output = ResolvePath(folder, Scalar(display, key, value)) },
                "manifest" => config with { Manifest = ResolvePath(folder, Scalar(display, key, value)) },
                "previous" => config with { Previous = ResolvePath(folder, Scalar(display, key, value)) },
                "editRoom" => config with { EditRoom = EditRoom(display, key, value) },
                "include" => config with { Include = Globs(display, key, value) },
                "exclude" => config with { Exclude = Globs(display, key, value) },
                "cache" => config with { Cache = Boolean(display, key, value) },
                "cacheDirectory" => config with { CacheDirectory = ResolvePath(folder, Scalar(display, key, value)) },
                "redact" => Redact(config, display, value),
                "maxFileBytes" => config with { MaxFileBytes = WholeNumber(display, key, value, 1) },
                "stateDirectory" => config with { StateDirectory = ResolvePath(folder, Scalar(display, key, value)) },
                "splitTokens" => config with { SplitTokens = SplitTokens(display, key, value) },
                _ => throw new UsageException(UnknownKey(key), DiagnosticCodes.ConfigUnknownKey, At(display, keyNode)),
            };
        }

        return config with { Locations = locations };
    }

    private static string UnknownKey(string key)
    {
        var suggestion = Keys
            .OrderBy(k => Similarity.EditDistance(k.ToLowerInvariant(), key.ToLowerInvariant()))
            .ThenBy(k => k, StringComparer.Ordinal)
            .First();
        var hint = Similarity.EditDistance(suggestion.ToLowerInvariant(), key.ToLowerInvariant()) <= 3
            ? $" Did you mean '{suggestion}'?"
            : string.Empty;
        return $"unknown key '{key}'.{hint} Known keys: {string.Join(", ", Keys)}.";
    }

    private static string Scalar(string file, string key, YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            throw Error(file, node, $"'{key}' must be a single text value.");
        }

        return value;
    }

    private static List<string> List(string file, string key, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } single })
        {
            return [single];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(file, node, $"'{key}' must be a list of text values.");
        }

        return sequence.Children.Select(item => Scalar(file, key, item)).ToList();
    }

    // Globs are compiled and matched against every file: a bounded number of bounded length.
    private static List<string> Globs(string file, string key, YamlNode node)
    {
        var globs = List(file, key, node);
        if (globs.Count > OptionValues.MaxGlobs)
        {
            throw Error(file, node, $"'{key}' lists {globs.Count} globs; at most {OptionValues.MaxGlobs} are allowed (use '**' to cover many files with one).");
        }

        var items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        for (var i = 0; i < globs.Count; i++)
        {
            if (globs[i].Length > OptionValues.MaxGlobLength)
            {
                throw Error(file, items[i], $"'{key}' has a glob of {globs[i].Length} characters; at most {OptionValues.MaxGlobLength} are allowed.");
            }
        }

        return globs;
    }

    private static int MaxTokens(string file, string key, YamlNode node) => WholeNumber(file, key, node, OptionValues.MinMaxTokens);

    private static int SplitTokens(string file, string key, YamlNode node) => WholeNumber(file, key, node, OptionValues.MinSplitTokens);

    private static int CacheMinTokens(string file, string key, YamlNode node) => WholeNumber(file, key, node, 0);

    private static int EditRoom(string file, string key, YamlNode node)
    {
        var percent = WholeNumber(file, key, node, 0, OptionValues.EditRoomExpected);
        return OptionValues.IsEditRoom(percent) ? percent : throw Error(file, node, $"'{key}' must be {OptionValues.EditRoomExpected} (got '{percent}').");
    }

    // Every number packer.yaml takes is at most OptionValues.MaxTokenSetting; the message says the range, as the flags' do.
    private static int WholeNumber(string file, string key, YamlNode node, int minimum, string? expected = null)
    {
        expected ??= OptionValues.WholeNumberFrom(minimum, OptionValues.MaxTokenSetting);
        var text = Scalar(file, key, node).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > OptionValues.MaxTokenSetting)
        {
            throw Error(file, node, $"'{key}' must be {expected} (got '{text}').");
        }

        return (int)value;
    }

    // 'redact: false', or a mapping: 'enabled' and an 'allow' list of rule ids, path globs and literal values.
    private static ConfigFile Redact(ConfigFile config, string file, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return config with { Redact = Boolean(file, "redact", node) };
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(file, node, "'redact' must be true, false, or a mapping with 'enabled' and 'allow'.");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            config = ((keyNode as YamlScalarNode)?.Value ?? string.Empty) switch
            {
                "enabled" => config with { Redact = Boolean(file, "redact.enabled", value) },
                "allow" => config with { RedactAllow = AllowList(file, value) },
                var other => throw Error(file, keyNode, $"unknown key 'redact.{other}'. Known keys: redact.enabled, redact.allow."),
            };
        }

        return config;
    }

    private static RedactionAllowList AllowList(string file, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(file, node, "'redact.allow' must be a mapping with 'rules', 'paths' and 'values' lists.");
        }

        var allow = RedactionAllowList.None;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            allow = key switch
            {
                "rules" => allow with { Rules = RuleIds(file, value) },
                "paths" => allow with { Paths = List(file, "redact.allow.paths", value) },
                "values" => allow with { Values = List(file, "redact.allow.values", value) },
                _ => throw Error(file, keyNode, $"unknown key 'redact.allow.{key}'. Known keys: redact.allow.rules, redact.allow.paths, redact.allow.values."),
            };
        }

        return allow;
    }

    private static List<string> RuleIds(string file, YamlNode node)
    {
        var ids = List(file, "redact.allow.rules", node);
        var items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        for (var i = 0; i < ids.Count; i++)
        {
            if (!SecretRedactor.RuleIds.Contains(ids[i], StringComparer.Ordinal))
            {
                throw Error(file, items[i], $"'redact.allow.rules' names no rule '{ids[i]}'. The rules are: {string.Join(", ", SecretRedactor.RuleIds)}.");
            }
        }

        return ids;
    }

    private static bool Boolean(string file, string key, YamlNode node) => Scalar(file, key, node) switch
    {
        "true" => true,
        "false" => false,
        var text => throw Error(file, node, $"'{key}' must be true or false (got '{text}')."),
    };

    private static string Tokenizer(string file, string key, YamlNode node)
    {
        var value = Scalar(file, key, node);
        return OptionValues.IsTokenizer(value)
            ? value
            : throw Error(file, node, $"'{key}' must be one of {string.Join(", ", OptionValues.Tokenizers)} (got '{value}').");
    }

    private static BundleFormat Format(string file, string key, YamlNode node)
    {
        var value = Scalar(file, key, node);
        return OptionValues.ParseFormat(value)
            ?? throw Error(file, node, $"'{key}' must be one of {string.Join(", ", OptionValues.Formats)} (got '{value}').");
    }

    private static string ResolvePath(string folder, string value) => Path.GetFullPath(value, folder);

    private static UsageException Error(string file, YamlNode node, string message) => new(message, DiagnosticCodes.ConfigValue, At(file, node));

    private static SourceLocation At(string file, YamlNode node) => At(file, (node.Start.Line, node.Start.Column));

    private static SourceLocation At(string file, (long Line, long Column) position) => new(Path.GetFullPath(file), file, position.Line, position.Column);

    // YamlDotNet places a tab in the indentation at the start of the mapping it breaks; the tab's own place is more use.
    private static (long Line, long Column) PositionOf(YamlException e, string text)
    {
        if (Unwrap(e).Message.Contains("tab", StringComparison.Ordinal))
        {
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            var tabbed = Array.FindIndex(lines, l => l.Length > l.TrimStart(' ', '\t').Length && l[..(l.Length - l.TrimStart(' ', '\t').Length)].Contains('\t', StringComparison.Ordinal));
            if (tabbed >= 0)
            {
                return (tabbed + 1, lines[tabbed].IndexOf('\t', StringComparison.Ordinal) + 1);
            }
        }

        return (e.Start.Line, e.Start.Column);
    }

    private static Exception Unwrap(Exception e) => e.InnerException is YamlException inner ? Unwrap(inner) : e;
}

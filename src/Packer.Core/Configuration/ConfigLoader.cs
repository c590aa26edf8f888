using System.Globalization;
using Packer.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Packer.Core.Configuration;

/// <summary>
/// Reads packer.yaml. Every mistake (syntax, unknown key, wrong type, bad value) is a
/// <see cref="UsageException"/> that names the file, the line and the key.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The file name looked for in the working folder when no --config is given.</summary>
    public const string DefaultFileName = "packer.yaml";

    private static readonly string[] Keys =
        ["solution", "targets", "maxTokens", "tokenizer", "format", "cacheMinTokens", "output", "manifest", "previous", "editRoom", "include", "exclude", "cache", "cacheDirectory"];

    /// <summary>Reads and checks a config file.</summary>
    /// <param name="path">The file; relative paths inside it resolve against its folder.</param>
    public static ConfigFile Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new UsageException($"{path}: config file not found.");
        }

        var display = path;
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, path);
        }

        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new UsageException($"{display}:{e.Start.Line}: invalid YAML: {Unwrap(e).Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet stops without a position on some malformed input (e.g. an unclosed '['): name the
            // last line it read.
            throw new UsageException($"{display}:{parser.LastLine}: invalid YAML (an unclosed bracket or quote?): {e.Message}");
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
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            config = key switch
            {
                "solution" => config with { Solution = ResolvePath(folder, Scalar(display, key, value)) },
                "targets" => config with { Targets = List(display, key, value) },
                "maxTokens" => config with { MaxTokens = MaxTokens(display, key, value) },
                "tokenizer" => config with { Tokenizer = Tokenizer(display, key, value) },
                "format" => config with { Format = Format(display, key, value) },
                "cacheMinTokens" => config with { CacheMinTokens = CacheMinTokens(display, key, value) },
                "output" => config with { Output = ResolvePath(folder, Scalar(display, key, value)) },
                "manifest" => config with { Manifest = ResolvePath(folder, Scalar(display, key, value)) },
                "previous" => config with { Previous = ResolvePath(folder, Scalar(display, key, value)) },
                "editRoom" => config with { EditRoom = EditRoom(display, key, value) },
                "include" => config with { Include = List(display, key, value) },
                "exclude" => config with { Exclude = List(display, key, value) },
                "cache" => config with { Cache = Boolean(display, key, value) },
                "cacheDirectory" => config with { CacheDirectory = ResolvePath(folder, Scalar(display, key, value)) },
                _ => throw Error(display, keyNode, UnknownKey(key)),
            };
        }

        return config;
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

    private static int MaxTokens(string file, string key, YamlNode node) =>
        WholeNumber(file, key, node, OptionValues.MinMaxTokens, $"a whole number of tokens, at least {OptionValues.MinMaxTokens}");

    private static int CacheMinTokens(string file, string key, YamlNode node) => WholeNumber(file, key, node, 0, "a whole number of tokens");

    private static int EditRoom(string file, string key, YamlNode node)
    {
        var percent = WholeNumber(file, key, node, 0, OptionValues.EditRoomExpected);
        return OptionValues.IsEditRoom(percent) ? percent : throw Error(file, node, $"'{key}' must be {OptionValues.EditRoomExpected} (got '{percent}').");
    }

    private static int WholeNumber(string file, string key, YamlNode node, int minimum, string expected)
    {
        var text = Scalar(file, key, node).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > OptionValues.MaxTokenSetting)
        {
            throw Error(file, node, $"'{key}' must be {expected} (got '{text}').");
        }

        return (int)value;
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

    private static UsageException Error(string file, YamlNode node, string message) =>
        new($"{file}:{node.Start.Line}: {message}");

    /// <summary>Remembers where the last parsed event started.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public long LastLine { get; private set; } = 1;

        public ParsingEvent Current => inner.Current!;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = current.Start.Line;
            }

            return moved;
        }
    }

    private static Exception Unwrap(Exception e) => e.InnerException is YamlException inner ? Unwrap(inner) : e;
}

using Packer.Core.Diagnostics;
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
            throw new UsageException($"invalid YAML: {Unwrap(e).Message}", DiagnosticCodes.ConfigSyntax, YamlValues.At(display, PositionOf(e, text)));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet stops without a position on some malformed input (e.g. an unclosed '['): name the
            // last line it read.
            throw new UsageException(
                $"invalid YAML (an unclosed bracket or quote?): {e.Message}", DiagnosticCodes.ConfigSyntax, YamlValues.At(display, (parser.LastLine, parser.LastColumn)));
        }

        if (stream.Documents.Count > 1)
        {
            throw YamlValues.Error(new YamlSource(display, string.Empty), stream.Documents[1].RootNode, "a second YAML document (after '---'): a packer.yaml is one document, and the tool would ignore this one. Merge its keys into the first.");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ConfigFile.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw YamlValues.Error(new YamlSource(display, string.Empty), stream.Documents[0].RootNode, "the file must be a mapping of keys to values (e.g. 'maxTokens: 32000').");
        }

        var source = new YamlSource(display, Path.GetDirectoryName(fullPath)!);
        var config = ConfigFile.Empty;
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            locations[key] = YamlValues.At(display, keyNode);
            var setting = Settings.ByKey(key) ?? throw new UsageException(UnknownKey(key), DiagnosticCodes.ConfigUnknownKey, YamlValues.At(display, keyNode));
            config = config.With(setting, setting.Read(value, source));
        }

        return config.At(locations);
    }

    private static string UnknownKey(string key)
    {
        var keys = Settings.All.Select(s => s.Key).ToList();
        var suggestion = keys
            .OrderBy(k => Similarity.EditDistance(k.ToLowerInvariant(), key.ToLowerInvariant()))
            .ThenBy(k => k, StringComparer.Ordinal)
            .First();
        var hint = Similarity.EditDistance(suggestion.ToLowerInvariant(), key.ToLowerInvariant()) <= 3
            ? $" Did you mean '{suggestion}'?"
            : string.Empty;
        return $"unknown key '{key}'.{hint} Known keys: {string.Join(", ", keys)}.";
    }


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

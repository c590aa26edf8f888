using System.Globalization;
using Packer.Core.Diagnostics;
using Packer.Core.Redaction;
using YamlDotNet.RepresentationModel;

namespace Packer.Core.Configuration;

/// <summary>The packer.yaml being read: how errors name it, and the folder its relative paths resolve against.</summary>
/// <param name="Display">The file as the user named it.</param>
/// <param name="Folder">Its folder.</param>
public sealed record YamlSource(string Display, string Folder);

/// <summary>
/// Reads packer.yaml's values into their types (<see cref="Settings"/> names which reader each key uses). A value of
/// the wrong shape or out of its range is a <see cref="UsageException"/> at its node's line and column, in the words
/// the flags and the MCP tools use.
/// </summary>
internal static class YamlValues
{
    /// <summary>A single text value.</summary>
    public static string Scalar(YamlNode node, YamlSource source, string key)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            throw Error(source, node, $"'{key}' must be a single text value.");
        }

        return value;
    }

    /// <summary>A list of text values (one value is a list of one).</summary>
    public static List<string> List(YamlNode node, YamlSource source, string key)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } single })
        {
            return [single];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(source, node, $"'{key}' must be a list of text values.");
        }

        return sequence.Children.Select(item => Scalar(item, source, key)).ToList();
    }

    /// <summary>Globs: they are compiled and matched against every file, so a bounded number of bounded length.</summary>
    public static IReadOnlyList<string> Globs(YamlNode node, YamlSource source, string key)
    {
        var globs = List(node, source, key);
        if (globs.Count > OptionValues.MaxGlobs)
        {
            throw Error(source, node, $"'{key}' lists {globs.Count} globs; at most {OptionValues.MaxGlobs} are allowed (use '**' to cover many files with one).");
        }

        var items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        for (var i = 0; i < globs.Count; i++)
        {
            if (globs[i].Length > OptionValues.MaxGlobLength)
            {
                throw Error(source, items[i], $"'{key}' has a glob of {globs[i].Length} characters; at most {OptionValues.MaxGlobLength} are allowed.");
            }
        }

        return globs;
    }

    /// <summary>A path, made absolute against the file's folder.</summary>
    public static string Path(YamlNode node, YamlSource source, string key) => System.IO.Path.GetFullPath(Scalar(node, source, key), source.Folder);

    /// <summary>A whole number in a range (<c>32_000</c> is taken); every number packer.yaml takes is at most <see cref="OptionValues.MaxTokenSetting"/>.</summary>
    public static long WholeNumber(YamlNode node, YamlSource source, string key, long minimum, long maximum, string expected)
    {
        var text = Scalar(node, source, key).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw Error(source, node, $"'{key}' must be {expected} (got '{text}').");
        }

        return value;
    }

    /// <summary>true or false.</summary>
    public static bool Boolean(YamlNode node, YamlSource source, string key) => Scalar(node, source, key) switch
    {
        "true" => true,
        "false" => false,
        var text => throw Error(source, node, $"'{key}' must be true or false (got '{text}')."),
    };

    /// <summary>One of a few names.</summary>
    public static string Choice(YamlNode node, YamlSource source, string key, IReadOnlyList<string> choices)
    {
        var value = Scalar(node, source, key);
        return choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Error(source, node, $"'{key}' must be one of {string.Join(", ", choices)} (got '{value}').");
    }

    /// <summary>'redact: false', or a mapping: 'enabled' and an 'allow' list of rule ids, path globs and literal values.</summary>
    public static RedactionOptions Redaction(YamlNode node, YamlSource source)
    {
        if (node is YamlScalarNode)
        {
            return RedactionOptions.Default with { Enabled = Boolean(node, source, "redact") };
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(source, node, "'redact' must be true, false, or a mapping with 'enabled' and 'allow'.");
        }

        var options = RedactionOptions.Default;
        foreach (var (keyNode, value) in mapping.Children)
        {
            options = ((keyNode as YamlScalarNode)?.Value ?? string.Empty) switch
            {
                "enabled" => options with { Enabled = Boolean(value, source, "redact.enabled") },
                "allow" => options with { Allow = AllowList(value, source) },
                var other => throw Error(source, keyNode, $"unknown key 'redact.{other}'. Known keys: redact.enabled, redact.allow."),
            };
        }

        return options;
    }

    /// <summary>An error at a node.</summary>
    public static UsageException Error(YamlSource source, YamlNode node, string message) => new(message, DiagnosticCodes.ConfigValue, At(source.Display, node));

    /// <summary>Where a node is.</summary>
    public static SourceLocation At(string file, YamlNode node) => At(file, (node.Start.Line, node.Start.Column));

    /// <summary>A line and column of a file.</summary>
    public static SourceLocation At(string file, (long Line, long Column) position) => new(System.IO.Path.GetFullPath(file), file, position.Line, position.Column);

    private static RedactionAllowList AllowList(YamlNode node, YamlSource source)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(source, node, "'redact.allow' must be a mapping with 'rules', 'paths' and 'values' lists.");
        }

        var allow = RedactionAllowList.None;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            allow = key switch
            {
                "rules" => allow with { Rules = RuleIds(value, source) },
                "paths" => allow with { Paths = List(value, source, "redact.allow.paths") },
                "values" => allow with { Values = List(value, source, "redact.allow.values") },
                _ => throw Error(source, keyNode, $"unknown key 'redact.allow.{key}'. Known keys: redact.allow.rules, redact.allow.paths, redact.allow.values."),
            };
        }

        return allow;
    }

    private static List<string> RuleIds(YamlNode node, YamlSource source)
    {
        var ids = List(node, source, "redact.allow.rules");
        var items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        for (var i = 0; i < ids.Count; i++)
        {
            if (!SecretRedactor.RuleIds.Contains(ids[i], StringComparer.Ordinal))
            {
                throw Error(source, items[i], $"'redact.allow.rules' names no rule '{ids[i]}'. The rules are: {string.Join(", ", SecretRedactor.RuleIds)}.");
            }
        }

        return ids;
    }
}

using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// Expressions for values of secret-named keys in configuration files (JSON, YAML/env/ini, XML): the
/// assignment part of gitleaks' generic-api-key (<c>…(?:key|passw(?:or)?d|secret|token)… = value</c>), kept
/// to files that are data, where an assignment is configuration rather than code. Group <c>k</c> is the key.
/// </summary>
internal static partial class ConfigPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>A key that names a secret: it ends with one of these (case ignored); a salt (<c>SESSION_SALT</c>) is one too.</summary>
    private const string Key =
        @"(?<k>(?i:[A-Za-z0-9_.:-]{0,80}?(?:pass(?:word|wd|phrase)|pwd|secret|token|salt|(?:api|access|secret|private|signing|encryption|client|account|master|auth)[_.-]?key)))";

    /// <summary><c>"key": "value"</c>.</summary>
    [GeneratedRegex(@"""" + Key + @"""[ \t]*:[ \t]*""(?<s>(?:[^""\\\n]|\\.){1,1000})""", Options)]
    public static partial Regex Json();

    /// <summary><c>key: value</c> and <c>KEY=value</c> (YAML, .env, ini, properties, TOML, Dockerfile ENV), quoted or not.</summary>
    [GeneratedRegex(@"^[ \t]*(?:-[ \t]+)?(?:(?:export|ENV|ARG|set)[ \t]+)?[""']?" + Key + @"[""']?[ \t]*(?:=|:(?=[ \t]))[ \t]*(?:""(?<s>[^""\n]*)""|'(?<s>[^'\n]*)'|(?<s>[^\s""'#](?:[^\n#""']|(?<=\S)#)*))", Options | RegexOptions.Multiline)]
    public static partial Regex KeyValue();

    /// <summary><c>&lt;Key&gt;value&lt;/Key&gt;</c>.</summary>
    [GeneratedRegex(@"<" + Key + @"(?:[ \t][^>\n]*)?>(?<s>[^<\n]{1,1000})</\k<k>[ \t]*>", Options)]
    public static partial Regex XmlElement();

    /// <summary><c>key="Key" value="value"</c> (appSettings) and <c>Key="value"</c> attributes.</summary>
    [GeneratedRegex(@"(?i:key|name)[ \t]*=[ \t]*""" + Key + @"""[ \t\n]+(?i:value)[ \t]*=[ \t]*""(?<s>[^""\n]*)""|(?<=[ \t\n])" + Key + @"[ \t]*=[ \t]*""(?<s>[^""\n]*)""", Options)]
    public static partial Regex XmlAttribute();
}

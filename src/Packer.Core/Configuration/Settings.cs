using System.Globalization;
using Packer.Core.Redaction;

namespace Packer.Core.Configuration;

/// <summary>
/// Every setting, declared once (<see cref="Setting"/>): packer.yaml's keys, the flags that set the same values, the
/// MSBuild package's properties and the MCP tools' arguments all come from this table, in this order, and so do the
/// docs' table (docs/configuration.md) and the checks that keep them true. Adding a setting is an entry here (and
/// the property of <see cref="PackOptions"/>, or of the command, that reads it).
/// </summary>
public static class Settings
{
    /// <summary>The solution.</summary>
    public static readonly Setting<string> Solution = Path(
        "solution", "PATH", "A .sln, .slnx or .csproj, or a folder holding exactly one.", "the current folder",
        (options, value) => options with { SolutionPath = value }, msBuild: "PackContextSolution");

    /// <summary>The targets.</summary>
    public static readonly Setting<IReadOnlyList<TargetSpec>> Targets = new()
    {
        Key = "targets",
        Flag = "--target",
        Alias = "-t",
        MsBuildProperty = "PackContextTargets",
        McpArgument = "targets",
        Doc = "A project, file, type, namespace or folder to pack around; prefix project:, file:, type:, namespace: or folder: to force the kind. Repeatable.",
        Default = "none (then a task alone chooses the files)",
        Expected = "a list of target specs",
        ReadYaml = (node, source) => TargetSpec.ParseAll(YamlValues.List(node, source, "targets")),
        SetOption = (options, value) => options with { Targets = value },
    };

    /// <summary>The token cap.</summary>
    public static readonly Setting<int> MaxTokens = WholeNumber(
        "maxTokens", "--max-tokens", "Cap on the whole rendered bundle, in tokens.", OptionValues.MinMaxTokens, PackOptions.DefaultMaxTokens,
        (options, value) => options with { MaxTokens = value }, msBuild: "PackContextMaxTokens", mcp: "maxTokens");

    /// <summary>The tokenizer.</summary>
    public static readonly Setting<string> Tokenizer = new()
    {
        Key = "tokenizer",
        Flag = "--tokenizer",
        Doc = "The tokenizer encoding that counts the cap.",
        Default = PackOptions.DefaultTokenizer,
        Expected = "one of " + string.Join(", ", OptionValues.Tokenizers),
        Choices = OptionValues.Tokenizers,
        ReadYaml = (node, source) => YamlValues.Choice(node, source, "tokenizer", OptionValues.Tokenizers),
        SetOption = (options, value) => options with { Tokenizer = value },
    };

    /// <summary>The bundle's format.</summary>
    public static readonly Setting<BundleFormat> Format = new()
    {
        Key = "format",
        Flag = "--format",
        MsBuildProperty = "PackContextFormat",
        McpArgument = "format",
        Doc = "Bundle format: xml, markdown, json, or anthropic (content blocks with cache_control).",
        Default = "xml",
        Expected = "one of " + string.Join(", ", OptionValues.Formats),
        Choices = OptionValues.Formats,
        ReadYaml = (node, source) => OptionValues.ParseFormat(YamlValues.Choice(node, source, "format", OptionValues.Formats))!.Value,
        SetOption = (options, value) => options with { Format = value },
    };

    /// <summary>The smallest segment that gets a cache breakpoint.</summary>
    public static readonly Setting<int> CacheMinTokens = WholeNumber(
        "cacheMinTokens", "--cache-min-tokens", "anthropic format: smallest segment, in tokens, that gets a cache breakpoint.", 0, PackOptions.DefaultCacheMinTokens,
        (options, value) => options with { CacheMinTokens = value });

    /// <summary>Where the bundle is written.</summary>
    public static readonly Setting<string> Output = Path(
        "output", "--output", "Write the bundle to this file instead of standard output.", "standard output",
        (options, value) => options with { Output = value }, alias: "-o", commands: "pack", msBuild: "PackContextOutput");

    /// <summary>Where the manifest is written.</summary>
    public static readonly Setting<string> Manifest = Path(
        "manifest", "--manifest", "Write the manifest (JSON) to this file.", "none",
        (options, value) => options with { Manifest = value }, commands: "pack", msBuild: "PackContextManifest");

    /// <summary>An earlier run's manifest.</summary>
    public static readonly Setting<string> Previous = Path(
        "previous",
        "--previous",
        "An earlier run's manifest (may be the --manifest file itself): its bundle is repeated with the session's edits appended as diffs, or else its opening files stay in place while unchanged, so a prompt cache keeps its prefix.",
        "none",
        (options, value) => options with { Previous = value },
        commands: "pack");

    /// <summary>The share of the cap kept free for appended edits.</summary>
    public static readonly Setting<int> EditRoom = WholeNumber(
        "editRoom",
        "--edit-room",
        "With --previous (and in session): percent of the cap a bundle leaves free for the edits later runs append; 0 turns appending off.",
        0,
        PackOptions.DefaultEditRoom,
        (options, value) => options with { EditRoom = value },
        maximum: 50,
        expected: OptionValues.EditRoomExpected);

    /// <summary>Extra files to rank and pack.</summary>
    public static readonly Setting<IReadOnlyList<string>> Include = Globs(
        "include", "Extra non-C# files to rank and pack (e.g. `README.md`, `**/appsettings.json`).", (options, value) => options with { Include = value });

    /// <summary>Files to leave out.</summary>
    public static readonly Setting<IReadOnlyList<string>> Exclude = Globs(
        "exclude", "Files to leave out, C# or not (e.g. `**/Migrations/**`).", (options, value) => options with { Exclude = value });

    /// <summary>Whether the analysis cache is used.</summary>
    public static readonly Setting<bool> Cache = new()
    {
        Key = "cache",
        Flag = "--no-cache",
        Doc = "Read and write the analysis cache; false (--no-cache) makes every run a cold one.",
        FlagDoc = "Neither read nor write the analysis cache (a cold run).",
        Default = "true",
        Expected = "true or false",
        Switch = () => false,
        ReadYaml = (node, source) => YamlValues.Boolean(node, source, "cache"),
        SetOption = (options, value) => options with { UseCache = value },
    };

    /// <summary>The cache folder.</summary>
    public static readonly Setting<string> CacheDirectory = Path(
        "cacheDirectory", "--cache-dir", "Keep the analysis cache in this folder.", "the user's cache folder",
        (options, value) => options with { CacheDirectory = value });

    /// <summary>How secrets are redacted.</summary>
    public static readonly Setting<RedactionOptions> Redact = new()
    {
        Key = "redact",
        Flag = "--no-redact",
        Doc = "Redact secrets (keys, tokens, passwords) from what the bundle holds; false (--no-redact) turns it off; or a mapping: enabled, and allow with rules (rule ids, e.g. jwt), paths (globs of files never redacted) and values (exact values let through).",
        FlagDoc = "Do not redact secrets (keys, tokens, passwords) from what the bundle holds. Redaction is on by default.",
        Default = "true",
        Expected = "true, false, or a mapping with enabled and allow",
        Switch = () => RedactionOptions.Default with { Enabled = false },
        ReadYaml = YamlValues.Redaction,
        SetOption = (options, value) => options with { Redaction = value },
    };

    /// <summary>The largest file packed.</summary>
    public static readonly Setting<long> MaxFileBytes = new()
    {
        Key = "maxFileBytes",
        Doc = "A larger file, in bytes, is listed but not packed.",
        Default = PackOptions.DefaultMaxFileBytes.ToString(CultureInfo.InvariantCulture),
        Expected = OptionValues.WholeNumberFrom(1, OptionValues.MaxTokenSetting),
        Minimum = 1,
        Maximum = OptionValues.MaxTokenSetting,
        ReadYaml = (node, source) => YamlValues.WholeNumber(node, source, "maxFileBytes", 1, OptionValues.MaxTokenSetting, OptionValues.WholeNumberFrom(1, OptionValues.MaxTokenSetting)),
        SetOption = (options, value) => options with { MaxFileBytes = value },
    };

    /// <summary>The folder of session and mcp.</summary>
    public static readonly Setting<string> StateDirectory = Path(
        "stateDirectory", "--state-dir", "Where session and mcp keep their bundles and manifests (inside the repository).", ".packer at the repository root",
        set: null, commands: "session, mcp");

    /// <summary>The size of a session bundle's parts.</summary>
    public static readonly Setting<int> SplitTokens = WholeNumber(
        "splitTokens",
        "--split-tokens",
        "Also write the session's bundle in parts context.1.xml, context.2.xml, ... of at most this many tokens each, so that each fits one file read (xml or markdown).",
        OptionValues.MinSplitTokens,
        null,
        set: null,
        commands: "session");

    /// <summary>Gets every setting, in the docs' order.</summary>
    public static IReadOnlyList<Setting> All { get; } =
    [
        Solution, Targets, MaxTokens, Tokenizer, Format, CacheMinTokens, Output, Manifest, Previous, EditRoom, Include, Exclude, Cache, CacheDirectory,
        Redact, MaxFileBytes, StateDirectory, SplitTokens,
    ];

    /// <summary>Finds a setting by its packer.yaml key.</summary>
    /// <param name="key">The key, as written.</param>
    public static Setting? ByKey(string key) => All.FirstOrDefault(s => s.Key == key);

    private static Setting<int> WholeNumber(
        string key,
        string flag,
        string doc,
        int minimum,
        int? byDefault,
        Func<PackOptions, int, PackOptions>? set,
        int maximum = OptionValues.MaxTokenSetting,
        string? expected = null,
        string commands = "pack, session",
        string? msBuild = null,
        string? mcp = null)
    {
        var takes = expected ?? OptionValues.WholeNumberFrom(minimum, maximum);
        return new()
        {
            Key = key,
            Flag = flag,
            Commands = commands,
            MsBuildProperty = msBuild,
            McpArgument = mcp,
            Doc = doc,
            Default = byDefault?.ToString(CultureInfo.InvariantCulture) ?? "none",
            Expected = takes,
            Minimum = minimum,
            Maximum = maximum,
            ReadYaml = (node, source) => (int)YamlValues.WholeNumber(node, source, key, minimum, maximum, takes),
            SetOption = set,
        };
    }

    private static Setting<string> Path(
        string key, string flag, string doc, string byDefault, Func<PackOptions, string, PackOptions>? set, string? alias = null, string commands = "pack, session", string? msBuild = null) => new()
    {
        Key = key,
        Flag = flag,
        Alias = alias,
        Commands = commands,
        MsBuildProperty = msBuild,
        Doc = doc,
        Default = byDefault,
        Expected = "a path",
        IsPath = true,
        ReadYaml = (node, source) => YamlValues.Path(node, source, key),
        SetOption = set,
    };

    private static Setting<IReadOnlyList<string>> Globs(string key, string doc, Func<PackOptions, IReadOnlyList<string>, PackOptions> set) => new()
    {
        Key = key,
        Doc = doc,
        Default = "none",
        Expected = $"a list of at most {OptionValues.MaxGlobs} globs",
        ReadYaml = (node, source) => YamlValues.Globs(node, source, key),
        SetOption = set,
    };
}

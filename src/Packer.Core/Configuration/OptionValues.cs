namespace Packer.Core.Configuration;

/// <summary>Parses and checks the values that packer.yaml and the flags share, so both give the same errors.</summary>
public static class OptionValues
{
    /// <summary>The tokenizer encodings that ship with the tool.</summary>
    public static readonly IReadOnlyList<string> Tokenizers = ["o200k_base", "cl100k_base"];

    /// <summary>The format names.</summary>
    public static readonly IReadOnlyList<string> Formats = ["xml", "markdown", "json", "anthropic"];

    /// <summary>Parses a format name, or returns null when it is not one.</summary>
    public static BundleFormat? ParseFormat(string value) => value switch
    {
        "xml" => BundleFormat.Xml,
        "markdown" or "md" => BundleFormat.Markdown,
        "json" => BundleFormat.Json,
        "anthropic" => BundleFormat.Anthropic,
        _ => null,
    };

    /// <summary>Tells whether <paramref name="value"/> is a tokenizer the tool ships.</summary>
    public static bool IsTokenizer(string value) => Tokenizers.Contains(value, StringComparer.Ordinal);

    /// <summary>The smallest cap that can hold a bundle's framing.</summary>
    public const int MinMaxTokens = 64;

    /// <summary>The most include (or exclude) globs a config may list.</summary>
    public const int MaxGlobs = 1000;

    /// <summary>The longest glob a config may hold.</summary>
    public const int MaxGlobLength = 1000;

    /// <summary>The largest token count any setting accepts.</summary>
    public const int MaxTokenSetting = 100_000_000;

    /// <summary>What an edit room must be, for error messages.</summary>
    public const string EditRoomExpected = "a whole percent of the cap, from 0 to 50";

    /// <summary>Tells whether an edit room (percent of the cap) is usable.</summary>
    public static bool IsEditRoom(long percent) => percent is >= 0 and <= 50;

    /// <summary>The fewest tokens a part of a split bundle may be given.</summary>
    public const int MinSplitTokens = 1000;

    /// <summary>Tells whether a part size (tokens) is usable.</summary>
    public static bool IsSplitTokens(long value) => value >= MinSplitTokens && value <= MaxTokenSetting;

    /// <summary>Tells whether a token cap is usable.</summary>
    public static bool IsMaxTokens(long value) => value >= MinMaxTokens && value <= MaxTokenSetting;

    /// <summary>What a token cap must be, for error messages: the same words from a flag, packer.yaml and an MCP argument.</summary>
    public static string MaxTokensExpected => WholeNumberFrom(MinMaxTokens, MaxTokenSetting);

    /// <summary>What a whole number in a range must be, for error messages ("a whole number from 64 to 100,000,000").</summary>
    /// <param name="minimum">The smallest value taken.</param>
    /// <param name="maximum">The largest value taken.</param>
    public static string WholeNumberFrom(long minimum, long maximum) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a whole number from {minimum:N0} to {maximum:N0}");
}

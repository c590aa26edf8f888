using Packer.Core.Diagnostics;
using Packer.Core.Redaction;

namespace Packer.Core.Configuration;

/// <summary>The one place where defaults, packer.yaml and flags meet: flags win over the file, the file over defaults.</summary>
public static class OptionsMerger
{
    /// <summary>Merges the layers into the options of one run.</summary>
    /// <param name="file">The config file's settings, or null when there is none.</param>
    /// <param name="flags">The command line's settings (paths already absolute).</param>
    /// <param name="workingDirectory">Where a missing solution path is looked for.</param>
    /// <param name="configFile">The path of the config file, when there is one.</param>
    public static PackOptions Merge(ConfigFile? file, ConfigFile flags, string workingDirectory, string? configFile = null)
    {
        file ??= new ConfigFile();
        return new PackOptions
        {
            SolutionPath = flags.Solution ?? file.Solution ?? workingDirectory,
            Targets = NonEmpty(flags.Targets) ?? file.Targets ?? [],
            MaxTokens = flags.MaxTokens ?? file.MaxTokens ?? PackOptions.DefaultMaxTokens,
            Tokenizer = flags.Tokenizer ?? file.Tokenizer ?? PackOptions.DefaultTokenizer,
            Format = flags.Format ?? file.Format ?? BundleFormat.Xml,
            CacheMinTokens = flags.CacheMinTokens ?? file.CacheMinTokens ?? PackOptions.DefaultCacheMinTokens,
            Output = flags.Output ?? file.Output,
            Manifest = flags.Manifest ?? file.Manifest,
            Previous = flags.Previous ?? file.Previous,
            EditRoom = flags.EditRoom ?? file.EditRoom ?? PackOptions.DefaultEditRoom,
            Include = NonEmpty(flags.Include) ?? file.Include ?? [],
            Exclude = NonEmpty(flags.Exclude) ?? file.Exclude ?? [],
            UseCache = flags.Cache ?? file.Cache ?? true,
            CacheDirectory = flags.CacheDirectory ?? file.CacheDirectory,
            Redaction = new RedactionOptions
            {
                Enabled = flags.Redact ?? file.Redact ?? true,
                Allow = flags.RedactAllow ?? file.RedactAllow ?? RedactionAllowList.None,
            },
            MaxFileBytes = flags.MaxFileBytes ?? file.MaxFileBytes ?? PackOptions.DefaultMaxFileBytes,
            ConfigLocations = FromFile(file, flags),
            ConfigFile = configFile,
        };
    }

    // The keys whose value the file gave (no flag overrode them), with where they are.
    private static Dictionary<string, SourceLocation> FromFile(ConfigFile file, ConfigFile flags)
    {
        var overridden = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["solution"] = flags.Solution is not null,
            ["output"] = flags.Output is not null,
            ["manifest"] = flags.Manifest is not null,
            ["previous"] = flags.Previous is not null,
            ["cacheDirectory"] = flags.CacheDirectory is not null,
        };
        return file.Locations.Where(l => !overridden.GetValueOrDefault(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
    }

    private static IReadOnlyList<T>? NonEmpty<T>(IReadOnlyList<T>? list) => list is { Count: > 0 } ? list : null;
}

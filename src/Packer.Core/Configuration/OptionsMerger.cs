using Packer.Core.Diagnostics;

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
        file ??= ConfigFile.Empty;
        var options = new PackOptions { SolutionPath = workingDirectory };
        foreach (var setting in Settings.All)
        {
            if ((Given(flags, setting) ?? Given(file, setting)) is { } value)
            {
                options = setting.Apply(options, value);
            }
        }

        return options with { ConfigLocations = FromFile(file, flags), ConfigFile = configFile };
    }

    // A list given empty does not override the layer below (a flag repeated zero times is not given).
    private static object? Given(ConfigFile layer, Setting setting) =>
        layer.Find(setting) is { } value && !(value is System.Collections.IEnumerable list and not string && !list.GetEnumerator().MoveNext()) ? value : null;

    // The keys whose value the file gave (no flag overrode them), with where they are.
    private static Dictionary<string, SourceLocation> FromFile(ConfigFile file, ConfigFile flags) =>
        file.Locations.Where(l => Settings.ByKey(l.Key) is not { } setting || flags.Find(setting) is null).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
}

using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Agents.Session;

/// <summary>The settings of <c>session</c> beyond those of a pack. Paths are absolute.</summary>
public sealed record SessionOptions
{
    /// <summary>The state folder's name, at the repository root, when none is set.</summary>
    public const string DefaultStateFolder = ".packer";

    /// <summary>The default cap on the printed map, in characters: under Claude Code's 10,000-character cap on a hook's output, with room to spare.</summary>
    public const int DefaultMaxChars = 9_500;

    /// <summary>The smallest map cap: the lines saying where the bundle is must fit.</summary>
    public const int MinMaxChars = 1_000;

    /// <summary>Gets the folder holding the bundle, its parts, the manifest handed back as --previous, and the session's own state.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Gets the most tokens a part may hold, or null to write the bundle whole.</summary>
    public int? SplitTokens { get; init; }

    /// <summary>Gets the cap on what is printed for the agent, in characters.</summary>
    public int MaxChars { get; init; } = DefaultMaxChars;

    /// <summary>
    /// Merges the settings of <c>session</c> and <c>mcp</c> as <see cref="OptionsMerger"/> merges a pack's: flags over
    /// packer.yaml; the state folder defaults to <c>.packer</c> at the solution's repository root. A packer.yaml may
    /// only name a state folder inside its repository (it is data, not authority), and neither it nor the default may lead
    /// out of it through a symbolic link; a flag may name any folder.
    /// </summary>
    /// <param name="file">The config file's settings, or null when there is none.</param>
    /// <param name="flags">The command line's settings (paths already absolute).</param>
    /// <param name="pack">The merged pack options, whose solution decides the repository root.</param>
    /// <exception cref="UsageException">packer.yaml names a state folder outside the repository, or the default one leads out of it through a link.</exception>
    public static SessionOptions Merge(ConfigFile? file, ConfigFile flags, PackOptions pack)
    {
        var root = RepositoryRoot.For(SolutionFinder.Find(pack.SolutionPath));
        var fallback = Path.Combine(root, DefaultStateFolder);
        var named = flags.Get(Settings.StateDirectory) is null ? file?.Get(Settings.StateDirectory) ?? fallback : null;
        if (named is not null && !new RealPaths(root).Holds(named))
        {
            // A repository's packer.yaml, or a link committed as .packer, must not send the state folder's writes elsewhere.
            var fromFile = file?.Get(Settings.StateDirectory) is not null;
            var text = $"{(fromFile ? $"'stateDirectory' names {named}, which" : $"the state folder {named}")} leads outside the repository ({root}). "
                + "Only a path inside the repository is taken from the repository; give it with --state-dir on the command line if you mean it.";
            throw !fromFile ? new UsageException(text, DiagnosticCodes.OutputRefused)
                : new UsageException(text, DiagnosticCodes.ConfigPathOutside, file!.Locations.GetValueOrDefault("stateDirectory"));
        }

        return new SessionOptions
        {
            StateDirectory = flags.Get(Settings.StateDirectory) ?? named ?? fallback,
            SplitTokens = flags.GetValue(Settings.SplitTokens) ?? file?.GetValue(Settings.SplitTokens),
        };
    }
}

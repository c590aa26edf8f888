using Packer.Core.Diagnostics;

namespace Packer.Core.Output;

/// <summary>What an output file holds, so that an existing one can be recognized as the tool's own.</summary>
public enum OutputKind
{
    /// <summary>A bundle, in any format.</summary>
    Bundle,

    /// <summary>A part of a bundle a session split (<c>context.2.xml</c>).</summary>
    BundlePart,

    /// <summary>A manifest.</summary>
    Manifest,

    /// <summary>The map a session prints for the agent, kept beside its bundle (<c>map.md</c>).</summary>
    SessionMap,

    /// <summary>What a session leaves for the next one besides the manifest (<c>session.json</c>).</summary>
    SessionState,

    /// <summary>The files a bundle was packed from (<c>--depfile</c>).</summary>
    DepFile,
}

/// <summary>A file a run is told to write.</summary>
/// <param name="Path">Its absolute path.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Source">What named it, for messages: a flag ("-o"), or a config key ("'output'").</param>
/// <param name="Location">Where the config key is, when a config file named it.</param>
public sealed record OutputFile(string Path, OutputKind Kind, string Source, SourceLocation? Location = null)
{
    /// <summary>Gets what named it, with the config file and line when there is one ("packer.yaml:4: 'output'").</summary>
    public string Named => Location is null ? Source : $"{Location.Display}:{Location.Line}: {Source}";
}

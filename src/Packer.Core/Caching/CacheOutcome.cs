namespace Packer.Core.Caching;

/// <summary>What the analysis cache did in a run.</summary>
public enum CacheState
{
    /// <summary>The cache was not used (--no-cache).</summary>
    Off,

    /// <summary>The solution was loaded with MSBuild: there was no usable cache.</summary>
    Cold,

    /// <summary>The solution was rebuilt from the cache; only changed files were read again.</summary>
    Warm,

    /// <summary>The solution's analysis was kept in memory by an earlier run of this process (a server); only changed files were read again.</summary>
    Memory,
}

/// <summary>What the analysis cache did in a run, and why, for <c>--verbose</c>.</summary>
/// <param name="State">Off, cold, warm or memory.</param>
/// <param name="Reason">Why it was cold (e.g. "src/App/App.csproj changed"), or how much changed when warm or from memory (e.g. "2 changed file(s)").</param>
public sealed record CacheOutcome(CacheState State, string Reason)
{
    /// <summary>Gets the outcome of a run without the cache.</summary>
    public static CacheOutcome Off { get; } = new(CacheState.Off, string.Empty);

    /// <summary>A cold start, and why.</summary>
    public static CacheOutcome Cold(string reason) => new(CacheState.Cold, reason);

    /// <summary>The same outcome with a note added (e.g. that the cache could not be written).</summary>
    public CacheOutcome With(string note) => this with { Reason = $"{Reason}; {note}" };

    /// <inheritdoc/>
    public override string ToString() => State switch
    {
        CacheState.Off => "off",
        CacheState.Cold => $"cold: {Reason}",
        CacheState.Memory => $"memory: {Reason}",
        _ => $"warm: {Reason}",
    };
}

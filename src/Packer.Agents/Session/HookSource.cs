namespace Packer.Agents.Session;

/// <summary>Why an agent's session is starting, as its hook says (Claude Code's SessionStart <c>source</c>).</summary>
public enum HookSource
{
    /// <summary>Not said: run by hand or by a plain pre-session script.</summary>
    Unknown,

    /// <summary>A new session.</summary>
    Startup,

    /// <summary>An earlier conversation resumed: what it read is still in its context.</summary>
    Resume,

    /// <summary>The conversation was cleared.</summary>
    Clear,

    /// <summary>The conversation was compacted: what it read is no longer in its context.</summary>
    Compact,
}

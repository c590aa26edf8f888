using Packer.Core.Text;

namespace Packer.Core.Redaction;

/// <summary>
/// How secrets are redacted from every text that leaves in a bundle (<c>redact:</c> in packer.yaml,
/// <c>--no-redact</c> on the command line).
/// </summary>
public sealed record RedactionOptions
{
    /// <summary>Gets the defaults: redaction on, nothing allowed.</summary>
    public static RedactionOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether secrets are redacted at all (default <see langword="true"/>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets what is let through although a rule matches it.</summary>
    public RedactionAllowList Allow { get; init; } = RedactionAllowList.None;

    /// <summary>
    /// Describes the settings as a manifest records them: "off", "on", or "on, allow list" and a digest of it. An
    /// earlier bundle made with other settings is not repeated (its text may hold what is now redacted).
    /// </summary>
    public string Describe()
    {
        if (!Enabled)
        {
            return "off";
        }

        if (Allow.Rules.Count + Allow.Paths.Count + Allow.Values.Count == 0)
        {
            return "on";
        }

        var list = string.Join('\n', [.. Allow.Rules.Select(r => "rule " + r), .. Allow.Paths.Select(p => "path " + p), .. Allow.Values.Select(v => "value " + v)]);
        return $"on, allow list {ContentHash.Of(list)[..16]}";
    }
}

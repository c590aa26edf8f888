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
}

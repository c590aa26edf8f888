namespace Packer.Tests.Redaction;

/// <summary>Values that stand for a secret without being one.</summary>
internal static class PlaceholderValues
{
    /// <summary>Gets the placeholders, each as it would be written in place of a password.</summary>
    public static TheoryData<string> All { get; } = new(
    [
        "${DB_PASSWORD}", "$(DbPassword)", "%DB_PASSWORD%", "{{ db_password }}", "{password}", "{0}", "<password>",
        "$DB_PASSWORD", "%s", "@DB_PASSWORD@", "#{DbPassword}", "__DbPassword__", "changeme", "CHANGE_ME",
        "your-password-here", "YourStrong(!)Password", "<YourStrong@Passw0rd>", "SecurePwdGoesHere", "****", "********",
        "xxxxxxxx", "XXXX-XXXX", "...", "password", "secret", "my-secret", "dummy", "placeholder", "FAKE_Secret_123",
        "[REDACTED:connection-string-password]",
    ]);
}

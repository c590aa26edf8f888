namespace Packer.Core.Redaction;

/// <summary>Which files are configuration (data) of which syntax, by name alone.</summary>
internal static class ConfigFiles
{
    private static readonly HashSet<string> JsonExtensions = new(StringComparer.OrdinalIgnoreCase) { ".json", ".jsonc" };

    private static readonly HashSet<string> KeyValueExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".yml", ".yaml", ".env", ".ini", ".properties", ".toml", ".conf", ".cfg", ".dockerfile",
    };

    private static readonly HashSet<string> XmlExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".xml", ".config", ".props", ".targets", ".csproj", ".vbproj", ".fsproj", ".pubxml", ".runsettings", ".settings",
    };

    /// <summary>Tells whether a file is JSON configuration (<c>appsettings.json</c>, <c>launchSettings.json</c>).</summary>
    public static bool IsJson(string path) => JsonExtensions.Contains(Path.GetExtension(path));

    /// <summary>Tells whether a file holds <c>key: value</c> or <c>KEY=value</c> lines (YAML, .env, ini, Dockerfile).</summary>
    public static bool IsKeyValue(string path)
    {
        var name = Path.GetFileName(path);
        return KeyValueExtensions.Contains(Path.GetExtension(path))
            || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Tells whether a file is XML configuration (<c>web.config</c>, <c>nuget.config</c>, MSBuild files).</summary>
    public static bool IsXml(string path) => XmlExtensions.Contains(Path.GetExtension(path));
}

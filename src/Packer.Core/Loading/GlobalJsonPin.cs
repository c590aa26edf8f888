using System.Text.Json;
using Packer.Core.Text;

namespace Packer.Core.Loading;

/// <summary>
/// Tells, before the SDK is resolved, when the global.json that applies to a folder pins an SDK that no
/// installed one can satisfy. The host's own resolution would fail too, but on its way it prints the
/// installed SDKs to this process's native standard output, which may be carrying the bundle. Only a
/// certain failure is reported; anything the host's roll-forward rules might accept is left to the host.
/// </summary>
internal static class GlobalJsonPin
{
    /// <summary>The SDK version the applicable global.json pins, when none of the installed SDKs can satisfy it; else null.</summary>
    /// <param name="folder">The folder whose global.json applies (the nearest one at or above it).</param>
    /// <param name="installed">The installed SDKs' versions, asked for only when a global.json pins one.</param>
    public static string? Unmet(string folder, Func<IReadOnlyCollection<Version>> installed)
    {
        if (Find(folder) is not { } path || Read(path) is not { } sdk
            || !sdk.TryGetProperty("version", out var versionNode) || versionNode.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var requested = versionNode.GetString()!;
        if (!Version.TryParse(requested.Split('-')[0], out var wanted) || wanted.Build < 0)
        {
            return null;
        }

        var rollForward = sdk.TryGetProperty("rollForward", out var policy) && policy.ValueKind == JsonValueKind.String
            ? policy.GetString()!.ToLowerInvariant()
            : "latestpatch";
        var versions = installed();
        var met = rollForward switch
        {
            "disable" => versions.Any(v => v.Major == wanted.Major && v.Minor == wanted.Minor && v.Build == wanted.Build),
            "major" or "latestmajor" => versions.Any(v => v >= wanted),
            _ => versions.Any(v => v.Major == wanted.Major && v >= wanted),
        };
        return met ? null : requested;
    }

    private static string? Find(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "global.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    // The "sdk" object, or null when there is none or the file cannot be read (the host then decides).
    private static JsonElement? Read(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("sdk", out var sdk) && sdk.ValueKind == JsonValueKind.Object
                ? sdk.Clone()
                : null;
        }
        catch (Exception e) when (e is JsonException || FileAccessException.Covers(e))
        {
            return null;
        }
    }
}

using System.Text.Json;

namespace Packer.Tests.Infrastructure;

/// <summary>The manifest as tests read it.</summary>
internal sealed record Manifest(int TotalTokens, int MaxTokens, IReadOnlyList<ManifestTarget> Targets, IReadOnlyList<ManifestFile> Files, IReadOnlyList<string> Warnings)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static Manifest Parse(string json) => JsonSerializer.Deserialize<Manifest>(json, Options)!;

    public ManifestFile File(string path) => Files.Single(f => f.Path == path);
}

internal sealed record ManifestTarget(string Spec, string Kind, IReadOnlyList<string> Files);

internal sealed record ManifestFile(string Path, string Project, int Rank, double Score, string Fidelity, int Tokens, string Reason);

using System.Text;
using Packer.Core.Configuration;
using Packer.Tests.Infrastructure;
using Packer.Tests.Redaction;

namespace Packer.Tests.Safety;

/// <summary>
/// Nothing secret leaves: a repository with a planted fake secret of every rule, packed with all of them in the
/// bundle, gives a bundle, a manifest (its session blocks included) and an analysis cache that hold none of the
/// values; appended edits neither. The manifest lists each redaction without its value.
/// </summary>
public sealed class SecretLeakTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task No_planted_secret_reaches_the_bundle_the_manifest_or_the_cache()
    {
        // Given every case planted (C# ones compiled by a project, the others picked up by an include glob)
        var planted = Plant();
        var manifest = shop.PathOf("context.json");
        var options = shop.Options([.. planted.Keys]) with { MaxTokens = 100_000, Include = ["planted/**"], Manifest = manifest, Previous = manifest };

        // When
        var result = await shop.PackAsync(options);

        // Then
        var outputs = Outputs(result.Bundle, result.ManifestText);
        foreach (var (path, secret) in planted.SelectMany(p => p.Value.Select(c => (p.Key, c))))
        {
            Assert.DoesNotContain(secret.Secret, outputs, StringComparison.Ordinal);
            Assert.Contains(result.Manifest.Redactions!, r => r.Path == path && r.Rule == secret.RuleId);
        }

        Assert.Equal("on", result.Manifest.Redaction);
        Assert.All(result.Manifest.Redactions!, r => Assert.DoesNotContain("=", r.Rule, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Targets_larger_than_the_cap_show_no_planted_secret_either()
    {
        // Given every case planted, as targets far larger than the cap (so packed as an outline and central files)
        var planted = Plant();
        var options = shop.Options([.. planted.Keys]) with { MaxTokens = 4_000, Include = ["planted/**"] };

        // When
        var result = await shop.PackAsync(options);

        // Then some planted files are shown, redacted, and no value is anywhere
        Assert.NotNull(result.Manifest.Summary);
        var shown = result.Manifest.Files.Where(f => planted.ContainsKey(f.Path) && f.Fidelity is Core.Bundle.Fidelity.Full or Core.Bundle.Fidelity.Signatures).ToList();
        Assert.NotEmpty(shown);
        Assert.Contains(result.Manifest.Redactions!, r => shown.Any(f => f.Path == r.Path));
        var outputs = Outputs(result.Bundle, result.ManifestText);
        Assert.All(planted.Values.SelectMany(c => c), c => Assert.DoesNotContain(c.Secret, outputs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secret_added_in_a_session_is_not_in_the_appended_edits()
    {
        // Given a session bundle of a planted file
        var planted = Plant();
        var manifest = shop.PathOf("context.json");
        var target = planted.Keys.First(p => p.EndsWith(".json", StringComparison.Ordinal));
        var options = shop.Options(target) with { MaxTokens = 20_000, Include = ["planted/**"], Manifest = manifest, Previous = manifest };
        File.WriteAllText(manifest, (await shop.PackAsync(options)).ManifestText);

        // When the session adds another secret to it
        var added = SecretCases.All["github ghp"].Secret;
        File.AppendAllText(shop.PathOf(target), $"// token: {added}\n");
        var after = await shop.PackAsync(options);

        // Then the edit is appended, without the value
        Assert.Equal(Core.Bundle.PreviousUse.Appended, after.Previous.Use);
        Assert.DoesNotContain(added, Outputs(after.Bundle, after.ManifestText), StringComparison.Ordinal);
        Assert.Contains("[REDACTED:github-token]", after.Bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_redaction_the_values_go_out_and_the_manifest_says_so()
    {
        var planted = Plant();
        var options = shop.Options([.. planted.Keys]) with
        {
            MaxTokens = 100_000, Include = ["planted/**"], Redaction = Core.Redaction.RedactionOptions.Default with { Enabled = false },
        };

        var result = await shop.PackAsync(options);

        Assert.Equal("off", result.Manifest.Redaction);
        Assert.Null(result.Manifest.Redactions);
        Assert.Contains(SecretCases.All["connection string in appsettings"].Secret, result.Bundle, StringComparison.Ordinal);
    }

    // Writes every case into the repository; returns the planted files with the cases each holds.
    private Dictionary<string, List<SecretCase>> Plant()
    {
        var planted = new Dictionary<string, List<SecretCase>>(StringComparer.Ordinal);
        var i = 0;
        foreach (var (_, secret) in SecretCases.All)
        {
            var path = secret.Path.EndsWith(".cs", StringComparison.Ordinal)
                ? $"src/Shop.Infrastructure/Planted/Case{i:D2}.cs"
                : $"planted/{i:D2}/{secret.Path}";
            Directory.CreateDirectory(Path.GetDirectoryName(shop.PathOf(path))!);
            File.WriteAllText(shop.PathOf(path), secret.Text);
            planted[path] = [secret];
            i++;
        }

        return planted;
    }

    // The bundle, the manifest and every cache file, as one text to search.
    private string Outputs(string bundle, string manifest)
    {
        var caches = Directory.GetFiles(shop.CacheDirectory).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)));
        return string.Join("\n", [bundle, manifest, .. caches]);
    }
}

using Packer.Tests.Infrastructure;

namespace Packer.Tests.Manifest;

/// <summary>
/// The bytes of a bundle and its manifest for the Shop fixture, pinned: any change to what is packed, or how
/// it is written, shows here first. After an intended change, run the tests with PACKER_UPDATE_GOLDEN=1 and
/// review the diff of Manifest/Expected.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class GoldenManifestTests(LoadedFixture fixture)
{
    private static readonly string Expected = Path.Combine(Fixtures.Source, "..", "Manifest", "Expected");

    [Fact]
    public async Task The_shop_fixtures_session_bundle_and_manifest_are_the_expected_bytes()
    {
        // When the fixture is packed as a session script would (so the manifest holds its session blocks)
        var options = fixture.ShopOptions("src/Shop.Application/OrderService.cs") with
        {
            MaxTokens = 3000,
            Previous = Path.Combine(TempFolder.Create(), "none-yet.json"),
        };
        var result = await fixture.PackShopAsync(options);

        // Then
        Compare("shop.context.xml", result.Bundle);
        Compare("shop.manifest.json", result.ManifestText);
    }

    private static void Compare(string name, string actual)
    {
        var path = Path.Combine(Expected, name);
        if (Environment.GetEnvironmentVariable("PACKER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with PACKER_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}

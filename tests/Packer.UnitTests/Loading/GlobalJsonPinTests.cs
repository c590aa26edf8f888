using Packer.Core.Loading;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Loading;

/// <summary>When a global.json pins an SDK that none of the installed ones can satisfy, by the host's roll-forward rules.</summary>
public sealed class GlobalJsonPinTests
{
    private static readonly Version[] Installed = [new(8, 0, 404), new(10, 0, 401)];

    [Theory]
    [InlineData("""{ "sdk": { "version": "1.0.0-rc1-final" } }""", "1.0.0-rc1-final")]
    [InlineData("""{ "sdk": { "version": "9.0.100", "rollForward": "latestFeature" } }""", "9.0.100")]
    [InlineData("""{ "sdk": { "version": "8.0.405" } }""", "8.0.405")]
    [InlineData("""{ "sdk": { "version": "10.0.400", "rollForward": "disable" } }""", "10.0.400")]
    [InlineData("""{ "sdk": { "version": "11.0.100", "rollForward": "latestMajor" } }""", "11.0.100")]
    public void A_pin_no_installed_SDK_satisfies_is_unmet(string json, string requested) =>
        Assert.Equal(requested, GlobalJsonPin.Unmet(Folder(json), () => Installed));

    [Theory]
    [InlineData("""{ "sdk": { "version": "8.0.100" } }""")] // the host decides (8.0.404 is another feature band)
    [InlineData("""{ "sdk": { "version": "10.0.401", "rollForward": "disable" } }""")]
    [InlineData("""{ "sdk": { "version": "9.0.100", "rollForward": "latestMajor" } }""")]
    [InlineData("""{ "sdk": { "rollForward": "latestMajor" } }""")]
    [InlineData("""{ "projects": [ "src" ] }""")]
    [InlineData("""{ "sdk": { "version": "8.0.100", } // a trailing comma and a comment """)]
    [InlineData("""not json""")]
    public void Anything_an_installed_SDK_might_satisfy_is_left_to_the_host(string json) =>
        Assert.Null(GlobalJsonPin.Unmet(Folder(json), () => Installed));

    [Fact]
    public void The_nearest_global_json_above_the_folder_applies()
    {
        var root = Folder("""{ "sdk": { "version": "1.0.0-rc1-final" } }""");
        var nested = Directory.CreateDirectory(Path.Combine(root, "src", "App")).FullName;

        Assert.Equal("1.0.0-rc1-final", GlobalJsonPin.Unmet(nested, () => Installed));
        File.WriteAllText(Path.Combine(root, "src", "global.json"), """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
        Assert.Null(GlobalJsonPin.Unmet(nested, () => Installed));
    }

    private static string Folder(string globalJson)
    {
        var folder = TempFolder.Create();
        File.WriteAllText(Path.Combine(folder, "global.json"), globalJson);
        return folder;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Packer.Core;
using Packer.Core.Bundle;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Agents.Session;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// A solution file the serializer cannot make sense of is one line naming it, not a stack trace; a manifest or
/// session state the tool cannot read (a null where a list item belongs) is state it starts afresh from, with a
/// warning, in the session's state folder too, not a failure of every later run.
/// </summary>
public sealed class MalformedStateTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    // What a run makes of a previous manifest it could read.
    private static readonly PreviousUse[] Reading = [PreviousUse.Read, PreviousUse.Appended, PreviousUse.Repacked];

    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("garbage.sln", "\u0001\u00ff binary junk \u0000\u0013", "Not a solution file")]
    [InlineData("unclosed.slnx", "<Solution>\n  <Project Path=\"src/A/A.csproj\" />\n", "The following elements are not closed: Solution")]
    [InlineData("twice.slnx", "<Solution>\n  <Project Path=\"src/A/A.csproj\" />\n  <Project Path=\"src/A/A.csproj\" />\n</Solution>\n", "Duplicate item 'src/A/A.csproj'")]
    [InlineData("outside.slnx", "<Solution>\n  <Project Path=\"../../../../etc/passwd\" />\n</Solution>\n", "ProjectType '' not found")]
    public async Task A_solution_file_that_cannot_be_read_is_one_line_naming_it(string name, string text, string reason)
    {
        // Given
        var path = Path.Combine(TempFolder.Create(), name);
        File.WriteAllText(path, text);

        // When
        var error = await Assert.ThrowsAsync<LoadException>(() => ProjectFileReader.ProjectPathsAsync(path, CancellationToken.None));

        // Then
        Assert.StartsWith($"{name}: not a solution file this tool can read (", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(ExitCodes.Failure, error.ExitCode);
    }

    [Theory]
    [InlineData("files")]
    [InlineData("segments")]
    [InlineData("targets")]
    [InlineData("warnings")]
    [InlineData("session.blocks")]
    [InlineData("session.views")]
    public async Task A_previous_manifest_with_a_null_in_a_list_is_a_warning_and_a_fresh_start(string list)
    {
        // Given a manifest the tool wrote, with a null item in one of its lists
        var manifest = Path.Combine(TempFolder.Create(), "context.json");
        var written = await shop.PackAsync(shop.Options("src/Shop.Application/OrderService.cs") with { Manifest = manifest, Output = manifest + ".xml", Previous = manifest });
        var root = JsonNode.Parse(written.ManifestText)!.AsObject();
        var holder = list.StartsWith("session.", StringComparison.Ordinal) ? root["session"]!.AsObject() : root;
        holder[list.Split('.')[^1]] = new JsonArray((JsonNode?)null);
        File.WriteAllText(manifest, root.ToJsonString());

        // When it is read, and read as --previous
        var error = Assert.Throws<JsonException>(() => ManifestJson.Read(File.ReadAllText(manifest)));
        var result = await shop.PackAsync(shop.Options("src/Shop.Application/OrderService.cs") with { Manifest = manifest, Output = manifest + ".xml", Previous = manifest });

        // Then it is not read, and the run says so and packs afresh
        Assert.StartsWith("a list in it holds null", error.Message, StringComparison.Ordinal);
        Assert.Equal(PreviousUse.Unreadable, result.Previous.Use);
        Assert.Contains(result.Warnings, w => w.StartsWith($"the previous manifest {manifest} could not be read (a list in it holds null", StringComparison.Ordinal));
        Assert.Equal(written.Bundle, result.Bundle);
    }

    [Fact]
    public async Task A_session_whose_state_folder_holds_a_null_block_starts_afresh_with_a_warning()
    {
        // Given a session's state folder whose manifest has "blocks": [null], and a session.json with a null list
        var state = Path.Combine(TempFolder.Create(), "state");
        var pack = shop.Options("src/Shop.Application/OrderService.cs");
        var session = new SessionOptions { StateDirectory = state };
        var first = await SessionRunner.RunAsync(pack, session, shop.Root, HookSource.Startup, progress: null, CancellationToken.None);
        var root = JsonNode.Parse(File.ReadAllText(first.Manifest))!.AsObject();
        root["session"]!["blocks"] = new JsonArray((JsonNode?)null);
        File.WriteAllText(first.Manifest, root.ToJsonString());
        File.WriteAllText(Path.Combine(state, "session.json"), "{\"bundle\": \"x\", \"parts\": null, \"tokens\": null}\n");

        // When the next two sessions run
        var second = await SessionRunner.RunAsync(pack, session, shop.Root, HookSource.Resume, progress: null, CancellationToken.None);
        var third = await SessionRunner.RunAsync(pack, session, shop.Root, HookSource.Resume, progress: null, CancellationToken.None);

        // Then the second warns and starts afresh, and the third reads what the second wrote
        Assert.Equal(PreviousUse.Unreadable, second.Result.Previous.Use);
        Assert.Contains(second.Result.Warnings, w => w.Contains("could not be read (a list in it holds null", StringComparison.Ordinal));
        Assert.Contains(third.Result.Previous.Use, Reading);
        Assert.Equal(SessionState.None.Parts, SessionState.Read(Path.Combine(state, "missing.json")).Parts);
    }

    [Theory]
    [InlineData("{\"bundle\": \"x\", \"parts\": null, \"tokens\": null}")]
    [InlineData("{\"bundle\": \"x\", \"parts\": [null], \"tokens\": {}}")]
    [InlineData("{\"bundle\": \"x\", \"tokens\": {\"a\": null}}")]
    public void A_session_state_with_a_null_list_is_no_state(string json)
    {
        var path = Path.Combine(TempFolder.Create(), "session.json");
        File.WriteAllText(path, json);

        Assert.Same(SessionState.None, SessionState.Read(path));
    }
}

using System.Text.Json;
using Packer.Core;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

/// <summary>
/// The installed tool's <c>session</c>, run as an agent's hook runs it, on the class's Shop repository (reset before
/// each test; the tool's runs share the class's analysis cache, which the fixture's one load filled).
/// </summary>
public sealed class SessionTests(InstalledTool tool, ShopRepository shop) : IClassFixture<InstalledTool>, IClassFixture<ShopRepository>, IAsyncLifetime
{
    private const string Closing = "</context>\n";

    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_second_session_after_an_edit_repeats_the_first_bundle_and_its_parts_and_appends_the_edit()
    {
        // Given a session packed in parts, then an edit to the target
        var state = Path.Combine(TempFolder.Create(), "state");
        string[] session = ["session", "Shop.sln", "--target", "OrderService", "--max-tokens", "3000", "--split-tokens", "1000", "--cache-dir", shop.CacheDirectory, "--state-dir", state];
        var first = await tool.RunAsync(shop.Root, session);
        var firstBundle = File.ReadAllText(Path.Combine(state, "context.xml"));
        var firstParts = Parts(state);
        var service = Path.Combine(shop.Root, "src", "Shop.Application", "OrderService.cs");
        File.WriteAllText(service, File.ReadAllText(service).Replace("return order;", "return order; // edited between sessions", StringComparison.Ordinal));

        // When the conversation is resumed and Claude Code runs the hook from another folder, with the project folder in its input
        var hook = JsonSerializer.Serialize(new { session_id = "s1", cwd = shop.Root, hook_event_name = "SessionStart", source = "resume" });
        var second = await tool.RunWithInputAsync(TempFolder.Create(), [.. session, "--agent", "claude"], hook);

        // Then the first bundle is the prefix, the edit is appended, and every earlier part is unchanged
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("Read it before you start: ", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        var secondBundle = File.ReadAllText(Path.Combine(state, "context.xml"));
        Assert.StartsWith(firstBundle[..^Closing.Length], secondBundle, StringComparison.Ordinal);
        Assert.Contains("fidelity=\"diff\"><![CDATA[\n--- a/src/Shop.Application/OrderService.cs", secondBundle[firstBundle.Length..], StringComparison.Ordinal);
        var secondParts = Parts(state);
        Assert.True(secondParts.Count > firstParts.Count);
        Assert.Equal(firstParts, secondParts.Take(firstParts.Count));
        Assert.Equal(secondBundle[..^Closing.Length], string.Concat(secondParts));
        var counter = TokenCounter.Create("o200k_base");
        Assert.All(secondParts, part => Assert.InRange(counter.Count(part), 1, 1000));

        using var answer = JsonDocument.Parse(second.StandardOutput);
        var output = answer.RootElement.GetProperty("hookSpecificOutput");
        Assert.Equal("SessionStart", output.GetProperty("hookEventName").GetString());
        var context = output.GetProperty("additionalContext").GetString()!;
        Assert.Contains($"parts 1–{firstParts.Count} are unchanged", context, StringComparison.Ordinal);
        Assert.Contains($"read only {Path.Combine(state, $"context.{secondParts.Count}.xml")}", context, StringComparison.Ordinal);
        Assert.Contains("- diff: src/Shop.Application/OrderService.cs", context, StringComparison.Ordinal);
        Assert.Contains("- src/Shop.Application/OrderService.cs (full, ", context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_is_one_line_and_exit_code_0_in_hook_mode_and_an_error_otherwise()
    {
        // Given a target the solution does not have
        string[] session = ["session", "Shop.sln", "--target", "NoSuchThing", "--cache-dir", shop.CacheDirectory, "--state-dir", Path.Combine(TempFolder.Create(), "state")];
        var hook = JsonSerializer.Serialize(new { cwd = shop.Root, hook_event_name = "SessionStart", source = "startup" });

        // When
        var hooked = await tool.RunWithInputAsync(shop.Root, [.. session, "--agent", "claude"], hook);
        var plain = await tool.RunAsync(shop.Root, session);

        // Then the hook answers with the reason, for the model and the user, and lets the session start
        Assert.Equal(ExitCodes.Success, hooked.ExitCode);
        using var answer = JsonDocument.Parse(hooked.StandardOutput);
        var line = answer.RootElement.GetProperty("hookSpecificOutput").GetProperty("additionalContext").GetString()!;
        Assert.Contains("target 'NoSuchThing' matches no project, file, type or namespace in Shop.sln.", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.Equal(line, answer.RootElement.GetProperty("systemMessage").GetString());
        Assert.Equal(ExitCodes.Usage, plain.ExitCode);
        Assert.Equal(string.Empty, plain.StandardOutput);
        Assert.Contains("error: target 'NoSuchThing' matches no", plain.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_of_a_solution_of_hundreds_of_files_stays_within_the_character_cap()
    {
        // Given a project of 200 files, more than the map can give a line each within the cap
        var folder = TempFolder.Create();
        var project = SyntheticSolution.Write(folder, projects: 1, filesPerProject: 200);
        var state = Path.Combine(TempFolder.Create(), "state");
        string[] session = ["session", project, "--target", "src/P0/Area0/Widget0x000.cs", "--max-tokens", "60000", "--cache-dir", shop.CacheDirectory, "--state-dir", state, "--agent", "claude"];
        var hook = JsonSerializer.Serialize(new { cwd = folder, source = "startup" });

        // When
        var standard = await tool.RunWithInputAsync(folder, session, hook);
        var small = await tool.RunWithInputAsync(folder, [.. session, "--max-chars", "1500"], hook);

        // Then
        var map = Context(standard);
        Assert.InRange(map.Length, 2000, 9_500);
        Assert.StartsWith("# Context bundle for this session (dotnet pack-context)\n", map, StringComparison.Ordinal);
        Assert.Contains($"Read it before you start: {Path.Combine(state, "context.xml")}.", map, StringComparison.Ordinal);
        Assert.Contains("- src/P0/Area0/Widget0x000.cs (full, ", map, StringComparison.Ordinal);
        Assert.Contains("Widget0x001.cs", map, StringComparison.Ordinal);
        var tight = Context(small);
        Assert.InRange(tight.Length, 500, 1_500);
        Assert.Contains($"Read it before you start: {Path.Combine(state, "context.xml")}.", tight, StringComparison.Ordinal);
    }

    private static string Context(ProcessResult result)
    {
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var answer = JsonDocument.Parse(result.StandardOutput);
        Assert.False(answer.RootElement.TryGetProperty("systemMessage", out _), result.StandardOutput);
        return answer.RootElement.GetProperty("hookSpecificOutput").GetProperty("additionalContext").GetString()!;
    }

    private static List<string> Parts(string state) => Directory.GetFiles(state, "context.*.xml")
        .OrderBy(p => int.Parse(Path.GetFileName(p).Split('.')[1], System.Globalization.CultureInfo.InvariantCulture))
        .Select(File.ReadAllText)
        .ToList();
}

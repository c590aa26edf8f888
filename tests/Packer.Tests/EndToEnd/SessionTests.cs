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
    public async Task A_prompt_that_names_code_gets_a_cappedmap_of_its_files_and_one_that_does_not_gets_nothing_and_the_bundle_stays_as_it_was()
    {
        // Given a session started as Claude Code starts it
        var state = Path.Combine(TempFolder.Create(), "state");
        string[] hook = ["session", "Shop.sln", "--target", "OrderService", "--max-tokens", "3000", "--cache-dir", shop.CacheDirectory, "--state-dir", state, "--agent", "claude"];
        var start = await tool.RunWithInputAsync(shop.Root, hook, JsonSerializer.Serialize(new { cwd = shop.Root, hook_event_name = "SessionStart", source = "startup" }));
        var bundle = File.ReadAllBytes(Path.Combine(state, "context.xml"));
        var stateFiles = Directory.GetFiles(state).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

        // When the user submits two prompts
        string Prompt(string prompt) => JsonSerializer.Serialize(new { session_id = "s1", cwd = shop.Root, hook_event_name = "UserPromptSubmit", prompt });
        // (a deadline a loaded test machine meets; and one that no run meets)
        var named = await tool.RunWithInputAsync(shop.Root, [.. hook, "--prompt-deadline", "60000"], Prompt("Money.Add throws \"currency mismatch\" when the PricingCalculator sums lines in two currencies; fix it"));
        var plain = await tool.RunWithInputAsync(shop.Root, [.. hook, "--prompt-deadline", "60000"], Prompt("thanks, continue"));
        var late = await tool.RunWithInputAsync(shop.Root, [.. hook, "--prompt-deadline", "1"], Prompt("Money.Add throws \"currency mismatch\""));
        var capped = await tool.RunWithInputAsync(shop.Root, [.. hook, "--prompt-deadline", "60000", "--prompt-chars", "320"], Prompt("Money.Add throws \"currency mismatch\""));

        // Then the first gets a map within the cap, the second nothing, and neither changed the session's files
        Assert.Equal(ExitCodes.Success, start.ExitCode);
        Assert.Equal(ExitCodes.Success, named.ExitCode);
        using var answer = JsonDocument.Parse(named.StandardOutput);
        var output = answer.RootElement.GetProperty("hookSpecificOutput");
        Assert.Equal("UserPromptSubmit", output.GetProperty("hookEventName").GetString());
        var map = output.GetProperty("additionalContext").GetString()!;
        Assert.InRange(map.Length, 100, 2000);
        Assert.Contains("- src/Shop.Domain/Orders/Money.cs", map, StringComparison.Ordinal);
        Assert.Contains("- src/Shop.Application/PricingCalculator.cs", map, StringComparison.Ordinal);
        Assert.Contains("message \"currency mismatch\"", map, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        Assert.Equal(string.Empty, plain.StandardOutput);
        Assert.Equal(ExitCodes.Success, late.ExitCode);
        Assert.Equal(string.Empty, late.StandardOutput);
        using var cappedAnswer = JsonDocument.Parse(capped.StandardOutput);
        var cappedMap = cappedAnswer.RootElement.GetProperty("hookSpecificOutput").GetProperty("additionalContext").GetString()!;
        Assert.InRange(cappedMap.Length, 200, 320);
        Assert.True(cappedMap.Length < map.Length);
        Assert.Equal(bundle, File.ReadAllBytes(Path.Combine(state, "context.xml")));
        Assert.Equal(stateFiles, Directory.GetFiles(state).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList());
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
        Assert.Contains("target 'NoSuchThing' matches no project, file, type, namespace or folder in Shop.sln.", line, StringComparison.Ordinal);
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

    [Fact]
    public async Task In_hook_mode_a_max_chars_over_what_Claude_Code_adds_to_the_context_is_capped_with_one_warning()
    {
        // Given a project of 500 files, whose map at 50,000 characters would be over 10,000
        var folder = TempFolder.Create();
        var project = SyntheticSolution.Write(folder, projects: 1, filesPerProject: 500);
        string[] session = ["session", project, "--target", "src/P0/Area0/Widget0x000.cs", "--max-tokens", "150000", "--cache-dir", shop.CacheDirectory, "--state-dir", Path.Combine(TempFolder.Create(), "state"), "--max-chars", "50000"];
        var hook = JsonSerializer.Serialize(new { cwd = folder, source = "startup" });

        // When
        var hooked = await tool.RunWithInputAsync(folder, [.. session, "--agent", "claude"], hook);
        var plain = await tool.RunAsync(folder, session);

        // Then the hook's map is within the 10,000 characters, and says why once; printed for a script, it is not capped
        Assert.InRange(Context(hooked).Length, 9_501, 10_000);
        Assert.Single(hooked.StandardError.Split('\n'), line => line.Contains("--max-chars", StringComparison.Ordinal));
        Assert.Contains(
            "warning: --max-chars 50,000 is over the 10,000 characters of a hook's answer that Claude Code adds to the context (it saves a longer one to a file and shows the model a short preview); the map is capped at 10,000 characters.\n",
            hooked.StandardError,
            StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        Assert.True(plain.StandardOutput.Length > 10_000, plain.StandardOutput.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("--max-chars", plain.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_in_a_repository_without_init_leaves_git_status_clean_and_keeps_a_gitignore_of_its_own()
    {
        // Given the Shop repository, never set up with init, and another whose state folder already has a .gitignore
        string[] session = ["session", "Shop.sln", "--target", "OrderService", "--max-tokens", "2000", "--cache-dir", shop.CacheDirectory, "-q"];
        var other = Path.Combine(TempFolder.Create(), "state");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, ".gitignore"), "context.xml\n");

        // When
        var first = await tool.RunAsync(shop.Root, session);
        var second = await tool.RunAsync(shop.Root, [.. session, "--state-dir", other]);

        // Then
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(string.Empty, (await ProcessResult.RunCheckedAsync("git", ["status", "--porcelain"], shop.Root)).StandardOutput);
        Assert.Equal("*", File.ReadAllLines(shop.PathOf(".packer/.gitignore")).Last());
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal("context.xml\n", File.ReadAllText(Path.Combine(other, ".gitignore")));
    }

    [Fact]
    public async Task A_file_in_the_state_folder_that_is_not_the_tools_own_is_refused_before_the_load_and_replaced_only_with_force()
    {
        // Given notes of the user's where the default state folder keeps the session's map
        var state = shop.PathOf(".packer");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "map.md"), "my notes\n");
        string[] session = ["session", "Shop.sln", "--target", "OrderService", "--max-tokens", "2000", "--cache-dir", shop.CacheDirectory];

        // When
        var refused = await tool.RunAsync(shop.Root, session);
        var leftBehind = Directory.GetFileSystemEntries(state).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var forced = await tool.RunAsync(shop.Root, [.. session, "--force"]);

        // Then
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Equal(
            $"error: the session's map {Path.Combine(state, "map.md")} exists and is not a session map this tool wrote; pass --force to replace it; nothing was written.\n",
            refused.StandardError);
        Assert.Equal(["map.md"], leftBehind);
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.Equal(forced.StandardOutput, File.ReadAllText(Path.Combine(state, "map.md")));
        Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(state, "context.xml")), StringComparison.Ordinal);
        Assert.Contains($"Read it before you start: {Path.Combine(state, "context.xml")}.", forced.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_folder_that_leads_out_of_the_repository_is_refused_and_the_hook_still_lets_the_session_start()
    {
        // Given a .packer in the repository that is a link to a folder outside it
        var outside = TempFolder.Create();
        Directory.CreateSymbolicLink(shop.PathOf(".packer"), outside);
        string[] session = ["session", "Shop.sln", "--target", "OrderService", "--cache-dir", shop.CacheDirectory];
        var hook = JsonSerializer.Serialize(new { cwd = shop.Root, source = "startup" });

        // When
        var plain = await tool.RunAsync(shop.Root, session);
        var hooked = await tool.RunWithInputAsync(shop.Root, [.. session, "--agent", "claude"], hook);

        // Then
        Assert.Equal(ExitCodes.Usage, plain.ExitCode);
        Assert.Contains($"error: the state folder {shop.PathOf(".packer")} leads outside the repository", plain.StandardError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, hooked.ExitCode);
        Assert.Contains("leads outside the repository", Failure(hooked), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }

    [Fact]
    public async Task A_hook_command_line_that_does_not_parse_is_one_line_and_exit_code_0()
    {
        var hook = JsonSerializer.Serialize(new { cwd = shop.Root, source = "startup" });

        var hooked = await tool.RunWithInputAsync(shop.Root, ["session", "--agent", "claude", "--max-tokens", "lots"], hook);
        var plain = await tool.RunAsync(shop.Root, ["session", "--max-tokens", "lots"]);

        Assert.Equal(ExitCodes.Success, hooked.ExitCode);
        Assert.Equal(
            "dotnet pack-context could not pack this session's context bundle: the hook's command line is wrong: --max-tokens must be a whole number from 64 to 100,000,000 (got 'lots'). The session starts without it.",
            Failure(hooked));
        Assert.Equal(ExitCodes.Usage, plain.ExitCode);
        Assert.StartsWith("error: --max-tokens must be a whole number from 64 to 100,000,000 (got 'lots').\n", plain.StandardError, StringComparison.Ordinal);
    }

    // The one line a failed hook answers with, for the model and the user alike.
    private static string Failure(ProcessResult result)
    {
        using var answer = JsonDocument.Parse(result.StandardOutput);
        var line = answer.RootElement.GetProperty("hookSpecificOutput").GetProperty("additionalContext").GetString()!;
        Assert.Equal(line, answer.RootElement.GetProperty("systemMessage").GetString());
        Assert.DoesNotContain('\n', line);
        return line;
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

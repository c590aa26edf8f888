using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Packer.Core.Configuration;
using Packer.Core.Ranking;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

/// <summary>
/// The installed tool's MCP server, started as an MCP client starts it and driven by the SDK's own client: one
/// server process for the class, serving the class's Shop repository (reset before each test, which the server
/// notices by content hash as it notices any edit) through the class's analysis cache.
/// </summary>
public sealed class McpServerTests(InstalledTool tool, ShopRepository shop, McpServerTests.Server server)
    : IClassFixture<InstalledTool>, IClassFixture<ShopRepository>, IClassFixture<McpServerTests.Server>, IAsyncLifetime
{
    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_the_four_tools_with_honest_annotations_and_schemas_that_say_what_each_argument_takes()
    {
        var client = await server.ClientAsync(tool, shop);

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Equal(["explain_file", "pack_context", "rank_files", "read_bundle"], tools.Keys.Order(StringComparer.Ordinal));
        Assert.All(tools.Values, t => Assert.True(t.Description!.Length > 100, t.Name));
        // pack_context writes its bundle under .packer/mcp/ (only there, never replacing what is not its own); the others only read.
        var pack = tools["pack_context"].Annotations!;
        Assert.Equal((false, false, true, false), (pack.ReadOnlyHint, pack.DestructiveHint, pack.IdempotentHint, pack.OpenWorldHint));
        Assert.All(tools.Values.Where(t => t.Name != "pack_context"), t => Assert.True(t.Annotations?.ReadOnlyHint, t.Name));
        var properties = tools["pack_context"].InputSchema.GetProperty("properties");
        Assert.Equal(OptionValues.Formats, properties.GetProperty("format").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal((64, 100_000_000), Range(properties.GetProperty("maxTokens")));
        Assert.Equal((1_000, 100_000_000), Range(properties.GetProperty("inlineMaxTokens")));
        Assert.Equal((1, 100), Range(tools["rank_files"].InputSchema.GetProperty("properties").GetProperty("top")));
        Assert.Equal((64, 100_000_000), Range(tools["explain_file"].InputSchema.GetProperty("properties").GetProperty("maxTokens")));
        Assert.Contains("folder:", properties.GetProperty("targets").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.All(
            new[] { "rank_files", "explain_file" },
            name => Assert.Contains("folder:", tools[name].InputSchema.GetProperty("properties").GetProperty("target").GetProperty("description").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pack_context", """{"targets": 42}""", "targets must be a list of text values, or one text value (got 42).")]
    [InlineData("pack_context", """{"targets": ["OrderService"], "maxTokens": "lots"}""", "maxTokens must be a whole number from 64 to 100,000,000 (got \"lots\").")]
    [InlineData("pack_context", """{"targets": ["OrderService"], "maxTokens": 1e12}""", "maxTokens must be a whole number from 64 to 100,000,000 (got 1e12).")]
    [InlineData("pack_context", """{"targets": ["OrderService"], "maxTokens": 1000.5}""", "maxTokens must be a whole number from 64 to 100,000,000 (got 1000.5).")]
    [InlineData("pack_context", """{"targets": ["OrderService"], "format": "yaml"}""", "format must be one of xml, markdown, json, anthropic (got \"yaml\").")]
    [InlineData("pack_context", """{"targets": ["OrderService"], "inlineMaxTokens": -1}""", "inlineMaxTokens must be a whole number from 1,000 to 100,000,000 (got -1).")]
    [InlineData("pack_context", """{"target": "OrderService"}""", "unknown argument 'target' (did you mean 'targets'?); pack_context takes task, targets, maxTokens, format, output, inlineMaxTokens.")]
    [InlineData("rank_files", """{"target": "OrderService", "top": 1e9}""", "top must be a whole number from 1 to 100 (got 1e9).")]
    [InlineData("explain_file", """{"target": "OrderService"}""", "path is required (a text value): The file to explain: repository-relative (or absolute) path.")]
    [InlineData("read_bundle", "{}", "bundle is required (a text value): The id pack_context returned, or a bundle file's path (e.g. .packer/context.xml).")]
    [InlineData("read_bundle", """{"bundle": "x", "tokenEnd": 1e12}""", "tokenEnd must be a whole number from 1 to 100,000,000 (got 1e12).")]
    public async Task A_wrong_argument_is_a_tool_error_naming_the_argument_what_it_got_and_what_it_takes(string name, string arguments, string message)
    {
        var client = await server.ClientAsync(tool, shop);

        var result = await client.CallToolAsync(name, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!);

        Assert.True(result.IsError);
        Assert.Equal(message, Text(result));
    }

    [Fact]
    public async Task One_text_where_a_list_is_asked_for_is_a_list_of_one()
    {
        var client = await server.ClientAsync(tool, shop);

        var one = await client.CallToolAsync("pack_context", Arguments(("targets", "OrderService"), ("maxTokens", 3000)));
        var list = await PackAsync(client);

        Assert.NotEqual(true, one.IsError);
        Assert.Equal(list.Summary.GetProperty("id").GetString(), Json(one).GetProperty("id").GetString());
        Assert.Equal(list.Bundle, ((TextContentBlock)one.Content[1]).Text);
    }

    [Fact]
    public async Task An_expected_error_is_one_line_on_standard_error_without_a_stack_trace()
    {
        var client = await server.ClientAsync(tool, shop);
        var before = server.ErrorLines.Count;

        await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "NoSuchThing" })));
        await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "OrderService" }), ("maxTokens", "lots")));

        var lines = await server.ErrorLinesAfterAsync(before, 2);
        Assert.Equal(
            [
                "warning: pack_context: target 'NoSuchThing' matches no project, file, type, namespace or folder in Shop.sln.",
                "warning: pack_context: maxTokens must be a whole number from 64 to 100,000,000 (got \"lots\").",
            ],
            lines);
    }

    [Fact]
    public async Task Every_answer_stays_within_the_inline_limit_and_says_what_it_left_out()
    {
        // Given a bundle of 15 files, whose text and list together are over 2,400 tokens, and alone over 1,000
        var client = await server.ClientAsync(tool, shop);
        var whole = Json(await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "OrderService" }), ("maxTokens", 30_000))));
        var files = whole.GetProperty("files").GetArrayLength();

        // When
        var inline = await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "OrderService" }), ("maxTokens", 30_000), ("inlineMaxTokens", 2_400)));
        var listOnly = await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "OrderService" }), ("maxTokens", 30_000), ("inlineMaxTokens", 1_000)));

        // Then each answer, its blocks together, is within its limit; a list cut to fit says by how much
        var counter = TokenCounter.Create("o200k_base");
        Assert.Equal(2, inline.Content.Count);
        Assert.InRange(inline.Content.Sum(c => counter.Count(((TextContentBlock)c).Text)), 1, 2_400);
        var kept = Json(inline).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.InRange(kept.Count, 1, files - 1);
        Assert.Equal(
            $"{files - kept.Count} of the {files} files (the least relevant) are left out of this answer to keep it within the inline limit of 2,400 tokens: the manifest lists them all",
            Json(inline).GetProperty("leftOut").GetString());
        Assert.Contains("src/Shop.Application/OrderService.cs", kept); // the target, last in the bundle, first in relevance
        Assert.Single(listOnly.Content);
        Assert.InRange(counter.Count(Text(listOnly)), 1, 1_000);
        Assert.StartsWith("not inline: the bundle's ", Json(listOnly).GetProperty("inline").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_files_puts_the_targets_first_marked_and_the_other_files_in_the_order_of_their_scores()
    {
        var client = await server.ClientAsync(tool, shop);

        var byTarget = Json(await client.CallToolAsync("rank_files", Arguments(("target", "OrderService"), ("top", 100))));
        var byTask = Json(await client.CallToolAsync("rank_files", Arguments(("target", "OrderService"), ("task", "Money.Add throws \"currency mismatch\""), ("top", 100))));

        foreach (var ranking in new[] { byTarget, byTask })
        {
            var files = ranking.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, files.Count), files.Select(f => f.GetProperty("rank").GetInt32()));
            Assert.Equal(["src/Shop.Application/OrderService.cs"], files.TakeWhile(f => f.TryGetProperty("target", out var t) && t.GetBoolean()).Select(f => f.GetProperty("path").GetString()));
            var scores = files.Skip(1).Select(f => f.GetProperty("score").GetDouble()).ToList();
            Assert.DoesNotContain(files.Skip(1), f => f.TryGetProperty("target", out _));
            Assert.Equal(scores.OrderDescending(), scores);
        }
    }

    [Fact]
    public async Task A_pack_in_a_repository_without_init_leaves_git_status_clean()
    {
        // Given the Shop repository, never set up with init: no .packer/, nothing about it in .gitignore
        var client = await server.ClientAsync(tool, shop);
        Assert.False(Directory.Exists(shop.PathOf(".packer")));

        // When
        await PackAsync(client);

        // Then the state folder it created ignores itself
        Assert.Equal(string.Empty, (await ProcessResult.RunCheckedAsync("git", ["status", "--porcelain"], shop.Root)).StandardOutput);
        Assert.Equal("*", File.ReadAllLines(shop.PathOf(".packer/.gitignore")).Last());
    }

    [Fact]
    public async Task Pack_context_writes_the_bundle_the_CLI_writes_and_after_an_edit_the_bundle_a_fresh_CLI_run_writes()
    {
        // Given the server, and the same pack by the command line
        var client = await server.ClientAsync(tool, shop);
        string[] cli = ["Shop.sln", "--target", "OrderService", "--max-tokens", "3000", "--cache-dir", shop.CacheDirectory, "-q", "-o"];

        // When packed by both, then again after an edit
        var before = await PackAsync(client);
        var cliBefore = await tool.RunAsync(shop.Root, [.. cli, "before.xml"]);
        var service = Path.Combine(shop.Root, "src", "Shop.Application", "PricingCalculator.cs");
        File.AppendAllText(service, "\n// edited while the server runs\n");
        var after = await PackAsync(client);
        var cliAfter = await tool.RunAsync(shop.Root, [.. cli, "after.xml"]);

        // Then
        Assert.Equal(0, cliBefore.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(shop.Root, "before.xml")), before.Bundle);
        Assert.Equal(0, cliAfter.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(shop.Root, "after.xml")), after.Bundle);
        Assert.Contains("// edited while the server runs", after.Bundle, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(after.Summary.GetProperty("path").GetString()!), after.Bundle);
        Assert.StartsWith(Path.Combine(shop.Root, ".packer", "mcp"), after.Summary.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains(after.Summary.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "src/Shop.Application/OrderService.cs" && f.GetProperty("segment").GetString() == "targets");
    }

    [Fact]
    public async Task Rank_explain_and_read_answer_about_the_same_bundle()
    {
        var client = await server.ClientAsync(tool, shop);
        var packed = await PackAsync(client);
        var id = packed.Summary.GetProperty("id").GetString()!;

        var ranked = Json(await client.CallToolAsync("rank_files", Arguments(("target", "OrderService"), ("top", 3))));
        var explained = Json(await client.CallToolAsync("explain_file", Arguments(("target", "OrderService"), ("path", "src/Shop.Domain/Orders/Order.cs"), ("maxTokens", 3000))));
        var block = Text(await client.CallToolAsync("read_bundle", Arguments(("bundle", id), ("file", "src/Shop.Domain/Orders/Order.cs"))));
        var head = Text(await client.CallToolAsync("read_bundle", Arguments(("bundle", id), ("tokenStart", 0), ("tokenEnd", 20))));

        Assert.Equal(3, ranked.GetProperty("files").GetArrayLength());
        Assert.Equal("src/Shop.Application/OrderService.cs", ranked.GetProperty("files")[0].GetProperty("path").GetString());
        Assert.Equal(0, ranked.GetProperty("files")[0].GetProperty("drivers").GetArrayLength()); // the target
        var driver = ranked.GetProperty("files")[1].GetProperty("drivers")[0];
        Assert.Contains(driver.GetProperty("feature").GetString(), FileFeatures.Names);
        Assert.True(driver.GetProperty("logOdds").GetDouble() > 0);
        Assert.True(explained.GetProperty("inBundle").GetBoolean());
        var drivers = explained.GetProperty("drivers").EnumerateArray().Select(d => $"{d.GetProperty("feature").GetString()} (+{d.GetProperty("logOdds").GetDouble():0.00})").ToList();
        Assert.NotEmpty(drivers);
        Assert.Contains($"; what raised its score most: {string.Join(", ", drivers)}.", explained.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("full", explained.GetProperty("fidelity").GetString());
        Assert.StartsWith("In the bundle (full, ", explained.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<file path=\"src/Shop.Domain/Orders/Order.cs\" project=\"Shop.Domain\" fidelity=\"full\"><![CDATA[", block, StringComparison.Ordinal);
        Assert.Contains(block, packed.Bundle, StringComparison.Ordinal);
        Assert.StartsWith(head, packed.Bundle, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<context", head, StringComparison.Ordinal);
        Assert.Equal(20, TokenCounter.Create("o200k_base").Count(head));
    }

    [Fact]
    public async Task A_sub_agent_s_brief_alone_packs_and_ranks_the_files_it_names()
    {
        var client = await server.ClientAsync(tool, shop);
        const string brief = "Make Money.Add convert currencies instead of throwing \"currency mismatch\"; keep MoneyTests passing.";

        var packed = await client.CallToolAsync("pack_context", Arguments(("task", brief), ("maxTokens", 3000)));
        var ranked = Json(await client.CallToolAsync("rank_files", Arguments(("task", brief), ("top", 3))));
        var neither = await client.CallToolAsync("rank_files", Arguments(("top", 3)));

        Assert.NotEqual(true, packed.IsError);
        Assert.Contains("src/Shop.Domain/Orders/Money.cs", Text(packed), StringComparison.Ordinal);
        var files = ranked.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["src/Shop.Domain/Orders/Money.cs", "tests/Shop.Tests/MoneyTests.cs"], files.Take(2).Select(f => f.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        var money = files.Single(f => f.GetProperty("path").GetString() == "src/Shop.Domain/Orders/Money.cs");
        Assert.Contains(money.GetProperty("task").EnumerateArray(), m => m.GetString() == "message \"currency mismatch\"");
        Assert.True(neither.IsError);
        Assert.Contains("no target and no task", Text(neither), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_is_a_tool_error_and_the_server_keeps_answering_calls_made_in_parallel()
    {
        var client = await server.ClientAsync(tool, shop);

        var unknown = await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "NoSuchThing" })));
        var tooSmall = await client.CallToolAsync("rank_files", Arguments(("target", "OrderService"), ("top", 0)));
        var parallel = await Task.WhenAll(
            client.CallToolAsync("rank_files", Arguments(("target", "Money"), ("top", 5))).AsTask(),
            client.CallToolAsync("pack_context", Arguments(("targets", new[] { "OrderService" }), ("maxTokens", 2000))).AsTask());

        Assert.True(unknown.IsError);
        Assert.Contains("target 'NoSuchThing' matches no project, file, type, namespace or folder in Shop.sln.", Text(unknown), StringComparison.Ordinal);
        Assert.True(tooSmall.IsError);
        Assert.Contains("top must be a whole number from 1 to 100 (got 0).", Text(tooSmall), StringComparison.Ordinal);
        Assert.All(parallel, r => Assert.NotEqual(true, r.IsError));
        Assert.Equal("src/Shop.Domain/Orders/Money.cs", JsonDocument.Parse(Text(parallel[0])).RootElement.GetProperty("files")[0].GetProperty("path").GetString());
        Assert.True(JsonDocument.Parse(Text(parallel[1])).RootElement.GetProperty("totalTokens").GetInt32() <= 2000);
    }

    [Fact]
    public async Task Read_bundle_reads_only_a_bundle_the_tool_wrote_not_any_file_with_a_manifest_beside_it()
    {
        // Given a file of the user's with a real manifest copied beside it
        var client = await server.ClientAsync(tool, shop);
        var packed = await PackAsync(client);
        File.WriteAllText(shop.PathOf("notes.xml"), "<notes>db password: hunter2</notes>\n");
        File.Copy(packed.Summary.GetProperty("manifest").GetString()!, shop.PathOf("notes.manifest.json"));

        // When
        var refused = await client.CallToolAsync("read_bundle", Arguments(("bundle", "notes.xml")));
        var read = await client.CallToolAsync("read_bundle", Arguments(("bundle", packed.Summary.GetProperty("path").GetString())));

        // Then
        Assert.True(refused.IsError);
        Assert.Contains($"{shop.PathOf("notes.xml")} is not a bundle this tool wrote whole, with its manifest (notes.manifest.json) beside it", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", Text(refused), StringComparison.Ordinal);
        Assert.Equal(packed.Bundle, Text(read));
    }

    [Fact]
    public async Task Read_bundle_reads_nothing_outside_the_repository_and_the_state_folder()
    {
        // Given a bundle the tool wrote, copied with its manifest to a folder outside the repository
        var client = await server.ClientAsync(tool, shop);
        var packed = await PackAsync(client);
        var outside = TempFolder.Create();
        var copy = Path.Combine(outside, "context.xml");
        File.Copy(packed.Summary.GetProperty("path").GetString()!, copy);
        File.Copy(packed.Summary.GetProperty("manifest").GetString()!, Path.Combine(outside, "context.manifest.json"));

        // When
        var refused = await client.CallToolAsync("read_bundle", Arguments(("bundle", copy)));

        // Then
        Assert.True(refused.IsError);
        Assert.Contains($"{copy} lies outside the repository and the state folder", Text(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pack_context_writes_nothing_through_a_linked_bundle_folder()
    {
        // Given the state folder's mcp/ folder replaced by a link to a folder outside
        var client = await server.ClientAsync(tool, shop);
        await PackAsync(client);
        var folder = shop.PathOf(".packer/mcp");
        var outside = TempFolder.Create();
        Directory.Move(folder, folder + ".moved");
        Directory.CreateSymbolicLink(folder, outside);
        try
        {
            // When
            var refused = await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "Money" }), ("maxTokens", 2000)));

            // Then
            Assert.True(refused.IsError);
            Assert.Contains("leads outside the state folder", Text(refused), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(outside));
        }
        finally
        {
            Directory.Delete(folder);
            Directory.Move(folder + ".moved", folder);
        }
    }

    private static async Task<(JsonElement Summary, string Bundle)> PackAsync(McpClient client)
    {
        var result = await client.CallToolAsync("pack_context", Arguments(("targets", new[] { "OrderService" }), ("maxTokens", 3000)));
        Assert.NotEqual(true, result.IsError);
        Assert.Equal(2, result.Content.Count);
        return (Json(result), ((TextContentBlock)result.Content[1]).Text);
    }

    private static Dictionary<string, object?> Arguments(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => a.Value);

    private static string Text(CallToolResult result) => ((TextContentBlock)result.Content[0]).Text;

    private static JsonElement Json(CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        return JsonDocument.Parse(Text(result)).RootElement.Clone();
    }

    private static (int Minimum, int Maximum) Range(JsonElement property) =>
        (property.GetProperty("minimum").GetInt32(), property.GetProperty("maximum").GetInt32());

    /// <summary>One server process for the class, started on first use in the class's Shop repository.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly List<string> errorLines = [];
        private McpClient? client;

        /// <summary>Gets the lines the server wrote on standard error so far.</summary>
        public IReadOnlyList<string> ErrorLines
        {
            get
            {
                lock (errorLines)
                {
                    return [.. errorLines];
                }
            }
        }

        /// <summary>The lines written after the first <paramref name="skip"/>, once there are at least <paramref name="count"/> of them (and a moment for any more).</summary>
        public async Task<IReadOnlyList<string>> ErrorLinesAfterAsync(int skip, int count)
        {
            for (var waited = 0; ErrorLines.Count < skip + count && waited < 100; waited++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(300);
            return [.. ErrorLines.Skip(skip)];
        }

        public async Task<McpClient> ClientAsync(InstalledTool tool, ShopRepository shop)
        {
            await gate.WaitAsync();
            try
            {
                return client ??= await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
                {
                    Name = "pack-context",
                    Command = tool.Command,
                    Arguments = ["mcp", "Shop.sln", "--cache-dir", shop.CacheDirectory],
                    WorkingDirectory = shop.Root,
                    EnvironmentVariables = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = tool.CacheHome },
                    StandardErrorLines = line =>
                    {
                        lock (errorLines)
                        {
                            errorLines.Add(line);
                        }
                    },
                }));
            }
            finally
            {
                gate.Release();
            }
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }
    }
}

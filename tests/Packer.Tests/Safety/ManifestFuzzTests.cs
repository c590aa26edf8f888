using System.Text;
using System.Text.Json.Nodes;
using Packer.Core.Configuration;
using Packer.Core.Manifest;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// Seeded mutation fuzzing of a --previous manifest: a file that is not one this tool wrote, or one altered by
/// hand, is read or set aside with a warning, and the pack goes on within its cap; it never ends the run.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class ManifestFuzzTests(LoadedFixture fixture)
{
    private const int ReadCases = 3000;
    private const int PackCases = 300;
    private const int MaxTokens = 2500;

    [Fact]
    public async Task Any_mutation_of_a_previous_manifest_is_read_or_set_aside_and_the_pack_goes_on()
    {
        // Given a session manifest of the fixture
        var folder = TempFolder.Create();
        var path = Path.Combine(folder, "previous.json");
        var options = fixture.ShopOptions("src/Shop.Application/OrderService.cs") with { MaxTokens = MaxTokens, Previous = path };
        var seed = (await fixture.PackShopAsync(options)).ManifestText;
        var counter = TokenCounter.Create(options.Tokenizer);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < ReadCases; i++)
        {
            // When a mutation is read, and every tenth is packed with
            File.WriteAllText(path, Mutate(new Random(i), seed), new UTF8Encoding(false));
            var read = PreviousManifest.Read(path, options, "Shop.sln", [new ResolvedTarget("src/Shop.Application/OrderService.cs", TargetKind.File, ["src/Shop.Application/OrderService.cs"])]);
            outcomes[read.Outcome.Use.ToString()] = outcomes.GetValueOrDefault(read.Outcome.Use.ToString()) + 1;
            Assert.True(read.Warning is null || !read.Warning.Contains('\n', StringComparison.Ordinal), $"case {i}: {read.Warning}");
            if (i % (ReadCases / PackCases) == 0)
            {
                var result = await fixture.PackShopAsync(options);

                // Then
                Assert.True(counter.Count(result.Bundle) <= MaxTokens, $"case {i}: over the cap");
            }
        }

        Assert.True(outcomes.Count >= 3, string.Join(", ", outcomes));
    }

    // Either bytes (a cut, an inserted character) or the structure (a value changed, dropped or repeated, blocks
    // reordered, a text changed) is mutated, so that some mutations still read as manifests and reach the planner.
    private static string Mutate(Random random, string seed)
    {
        if (random.Next(4) == 0)
        {
            var at = random.Next(seed.Length);
            const string pieces = "{}[],\":0-n\u0000";
            return random.Next(2) == 0 ? seed[..at] : seed.Insert(at, pieces[random.Next(pieces.Length)].ToString());
        }

        var root = JsonNode.Parse(seed)!;
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var nodes = Descendants(root).ToList();
            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent;
            switch (random.Next(6))
            {
                case 0 when node is JsonValue:
                    node.ReplaceWith(JsonValue.Create(random.Next(3) switch { 0 => -1, 1 => int.MaxValue, _ => 0 }));
                    break;
                case 1 when node is JsonValue:
                    node.ReplaceWith(JsonValue.Create(random.Next(2) == 0 ? "src/Shop.Domain/Orders/Money.cs" : "full"));
                    break;
                case 2 when parent is JsonObject obj:
                    obj.Remove(obj.First(p => p.Value == node).Key);
                    break;
                case 3 when parent is JsonArray array:
                    array.Add(node.DeepClone());
                    break;
                case 4 when parent is JsonArray array && array.Count > 1:
                    array.Remove(node);
                    array.Insert(0, node);
                    break;
                case 5 when node is JsonValue value && value.TryGetValue<string>(out var text):
                    node.ReplaceWith(JsonValue.Create(text + "\n// changed\n"));
                    break;
                default:
                    if (parent is JsonObject nulled)
                    {
                        nulled[nulled.First(p => p.Value == node).Key] = null;
                    }

                    break;
            }
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>(),
            JsonArray array => array.OfType<JsonNode>(),
            _ => [],
        };
        foreach (var child in children)
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}

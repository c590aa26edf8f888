using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Pipeline;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Budget;

/// <summary>The cap holds on the rendered output, whatever the budget cuts.</summary>
public sealed class TokenCapTests(TokenCapTests.Synthetic synthetic) : IClassFixture<TokenCapTests.Synthetic>
{
    public static TheoryData<BundleFormat, string> Formats() => new()
    {
        { BundleFormat.Xml, "o200k_base" },
        { BundleFormat.Markdown, "o200k_base" },
        { BundleFormat.Json, "cl100k_base" },
        { BundleFormat.Anthropic, "o200k_base" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_cap_holds_on_the_rendered_output_for_many_budgets(BundleFormat format, string tokenizer)
    {
        // Given a synthetic solution of 3 projects of 40 files (some 80,000 tokens): every budget below cuts it somewhere
        var counter = TokenCounter.Create(tokenizer);

        foreach (var budget in new[] { 500, 900, 1_500, 2_500, 4_000, 8_000, 16_000, 32_000, 50_000 })
        {
            // When two types are the targets
            var options = new PackOptions
            {
                SolutionPath = synthetic.Loaded.SolutionPath,
                Targets = TargetSpec.ParseAll(["type:Widget1x006", "type:Widget1x010"]),
                MaxTokens = budget,
                Format = format,
                Tokenizer = tokenizer,
            };
            var result = await ContextPacker.PackAsync(synthetic.Loaded, options, synthetic.Root, CancellationToken.None);

            // Then the whole output, counted afresh, is within the cap, and the manifest says the same
            var total = counter.Count(result.Bundle);
            Assert.True(total <= budget, $"{format} at {budget}: {total} tokens");
            var manifest = result.Manifest;
            Assert.Equal(total, manifest.TotalTokens);
            Assert.True(total > budget * 0.8 || manifest.Files.All(f => f.Fidelity == Fidelity.Full), $"{format} at {budget}: only {total} tokens used");
            Assert.All(manifest.Files.Where(f => f.Reason == "target"), f => Assert.NotEqual(Fidelity.Omitted, f.Fidelity));
        }
    }

    /// <summary>The synthetic solution, written and loaded once for the class.</summary>
    public sealed class Synthetic : IAsyncLifetime
    {
        public string Root { get; private set; } = string.Empty;

        internal LoadedSolution Loaded { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Root = TempFolder.Create();
            var solution = SyntheticSolution.Write(Root, projects: 3, filesPerProject: 40);
            Loaded = await WorkspaceLoader.LoadAsync(solution, new FileFilter([], []), CancellationToken.None);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}

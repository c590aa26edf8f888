using Packer.Agents.Server;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Server;

/// <summary>The MCP tools' server in process, on the class's Shop repository.</summary>
public sealed class ContextServerTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_ranking_over_the_inline_limit_is_cut_to_fit_and_says_which_ranks_were_left_out()
    {
        // Given a server whose answers may hold 1,000 tokens, and a task that gives every file of the 15 a line with what matched it
        var server = new ContextServer(new ServerOptions(shop.Options() with { Targets = [] }, Path.Combine(TempFolder.Create(), "state"), shop.Root, ServerOptions.MinInlineTokens));
        const string task = "Money.Add throws \"currency mismatch\" when PricingCalculator sums order lines";

        // When
        var answer = await server.RankAsync(null, task, ServerOptions.MaxTop, CancellationToken.None);

        // Then
        Assert.InRange(TokenCounter.Create("o200k_base").Count(server.Answer(answer)), 1, ServerOptions.MinInlineTokens);
        Assert.Equal(15, answer.TotalFiles);
        Assert.InRange(answer.Files.Count, 1, 14);
        Assert.Equal(
            $"ranks {answer.Files.Count + 1} to 15 are left out of this answer to keep it within the inline limit of 1,000 tokens: ask explain_file about a file, or pack_context and read its manifest, which ranks every file",
            answer.LeftOut);
    }
}

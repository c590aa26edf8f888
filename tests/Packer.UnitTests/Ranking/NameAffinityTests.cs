using Packer.Core.Graph;
using Packer.Core.Ranking;

namespace Packer.Tests.Ranking;

public sealed class NameAffinityTests
{
    [Fact]
    public void The_word_overlap_is_the_best_jaccard_similarity_with_any_target_and_zero_with_none_shared()
    {
        // Given targets whose file names share words with some files and none with others
        string[] targets = ["src/Orders/OrderService.cs", "src/Customers/CustomerRepository.cs", "src/Orders/Order.Partial.cs", "tests/OrderServiceTests.cs"];
        var affinity = new NameAffinity(new SyntaxIndex([]), targets);

        // Then each file scores its best Jaccard similarity over the targets' word sets
        Assert.Equal(1.0, affinity.Words("src/Other/OrderService.cs"));          // {order, service} = a target's
        Assert.Equal(2.0 / 3, affinity.Words("src/Orders/OrderServiceFactory.cs")); // {order, service, factory}
        Assert.Equal(1.0 / 3, affinity.Words("src/Customers/CustomerService.cs"));  // one of three words with either
        Assert.Equal(0.5, affinity.Words("src/Orders/Order.cs"));                  // {order} vs {order, partial} or {order, service}
        Assert.Equal(0.0, affinity.Words("src/Billing/InvoiceTotals.cs"));
        Assert.Equal(0.0, new NameAffinity(new SyntaxIndex([]), []).Words("src/Orders/OrderService.cs"));
    }
}

using Shop.Domain.Orders;
using Xunit;

namespace Shop.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Add_sums_amounts() => Assert.Equal(3m, new Money(1m, "EUR").Add(new Money(2m, "EUR")).Amount);
}

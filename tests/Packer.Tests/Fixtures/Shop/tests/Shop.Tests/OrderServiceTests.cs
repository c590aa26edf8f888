using Shop.Application;
using Shop.Infrastructure;
using Xunit;

namespace Shop.Tests;

public sealed class OrderServiceTests
{
    [Fact]
    public void Submit_describes_the_order()
    {
        var service = new OrderService(new InMemoryOrderRepository());
        service.Place(7, "EUR");

        Assert.Equal("order 7: 0 lines, Submitted", service.Submit(7));
    }
}

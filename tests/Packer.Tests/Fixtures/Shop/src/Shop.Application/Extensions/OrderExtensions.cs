using Shop.Domain.Orders;

namespace Shop.Application.Extensions;

public static class OrderExtensions
{
    public static string Describe(this Order order) => $"order {order.Id}: {order.Lines.Count} lines, {order.Status}";
}

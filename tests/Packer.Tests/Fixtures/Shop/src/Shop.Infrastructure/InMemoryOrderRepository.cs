using Shop.Domain.Orders;

namespace Shop.Infrastructure;

/// <summary>Keeps orders in memory.</summary>
public sealed class InMemoryOrderRepository : IOrderRepository
{
    private readonly Dictionary<int, Order> orders = new();

    public Order? Find(int id) => orders.GetValueOrDefault(id);

    public void Save(Order order) => orders[order.Id] = order;
}

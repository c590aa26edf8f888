using Shop.Application.Extensions;
using Shop.Domain.Orders;

namespace Shop.Application;

/// <summary>Places and submits orders.</summary>
public sealed class OrderService
{
    private readonly IOrderRepository repository;

    public OrderService(IOrderRepository repository) => this.repository = repository;

    public Order Place(int id, string currency)
    {
        var order = new Order(id, currency);
        repository.Save(order);
        return order;
    }

    public string Submit(int id)
    {
        var order = repository.Find(id) ?? throw new KeyNotFoundException($"no order {id}");
        order.Submit();
        repository.Save(order);
        return order.Describe();
    }
}

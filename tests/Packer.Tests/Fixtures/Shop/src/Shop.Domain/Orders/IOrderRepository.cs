namespace Shop.Domain.Orders;

/// <summary>Where orders are kept.</summary>
public interface IOrderRepository
{
    Order? Find(int id);

    void Save(Order order);
}

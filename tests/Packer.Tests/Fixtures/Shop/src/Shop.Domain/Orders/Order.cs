namespace Shop.Domain.Orders;

/// <summary>A customer's order.</summary>
public sealed partial class Order
{
    private readonly List<OrderLine> lines = new();

    public Order(int id, string currency)
    {
        Id = id;
        Currency = currency;
    }

    public int Id { get; }

    public string Currency { get; }

    public IReadOnlyList<OrderLine> Lines => lines;

    public OrderStatus Status { get; private set; } = OrderStatus.Open;

    public void Add(OrderLine line)
    {
        Validate(line);
        lines.Add(line);
    }

    public void Submit() => Status = OrderStatus.Submitted;
}

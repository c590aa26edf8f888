namespace Shop.Domain.Orders;

/// <summary>One product in an order.</summary>
public sealed class OrderLine
{
    public OrderLine(string sku, int quantity, Money unitPrice)
    {
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public string Sku { get; }

    public int Quantity { get; }

    public Money UnitPrice { get; }

    public Money Total => UnitPrice.Times(Quantity);
}

namespace Shop.Domain.Orders;

public sealed partial class Order
{
    private void Validate(OrderLine line)
    {
        Shared.Guard.Against(line.Quantity <= 0, "quantity must be positive");
        Shared.Guard.Against(line.UnitPrice.Currency != Currency, "line currency differs from the order's");
    }
}

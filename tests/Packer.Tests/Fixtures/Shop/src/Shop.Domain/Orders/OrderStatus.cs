namespace Shop.Domain.Orders;

public enum OrderStatus
{
    Open,
    Submitted,
    Shipped,
}

using Shop.Domain.Orders;

namespace Shop.Application;

/// <summary>Totals orders.</summary>
public static class PricingCalculator
{
    public static Money Total(Order order)
    {
        var total = Money.Zero(order.Currency);
        foreach (var line in order.Lines)
        {
            total = total.Add(line.Total);
        }

        return total;
    }
}

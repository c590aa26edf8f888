namespace Shop.Domain.Orders;

/// <summary>An amount in one currency.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public Money Add(Money other)
    {
        Shared.Guard.Against(other.Currency != Currency, "currency mismatch");
        return this with { Amount = Amount + other.Amount };
    }

    public Money Times(int quantity) => this with { Amount = Amount * quantity };
}

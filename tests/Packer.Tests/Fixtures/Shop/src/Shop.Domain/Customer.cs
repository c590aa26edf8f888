namespace Shop.Domain;

/// <summary>A customer; orders do not know about customers yet.</summary>
public sealed class Customer
{
    public required string Name { get; init; }

    public required string Email { get; init; }
}

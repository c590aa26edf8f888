namespace Shop.Domain.Shared;

/// <summary>Argument checks shared by the domain and, as a linked file, by the application.</summary>
internal static class Guard
{
    public static void Against(bool condition, string message)
    {
        if (condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

namespace Greeter.Core;

/// <summary>A greeting for one person.</summary>
public sealed record Greeting(string Name, string Salutation)
{
    /// <summary>The text to say.</summary>
    public string Text => $"{Salutation}, {Name}!";
}

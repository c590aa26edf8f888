namespace Greeter.Core;

/// <summary>Greets everyone formally.</summary>
public sealed class FormalPolicy : IGreetingPolicy
{
    public Greeting Greet(string name) => new(name.Trim(), "Good day");
}

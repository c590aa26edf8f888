namespace Greeter.Core;

/// <summary>Chooses the salutation for a name.</summary>
public interface IGreetingPolicy
{
    Greeting Greet(string name);
}

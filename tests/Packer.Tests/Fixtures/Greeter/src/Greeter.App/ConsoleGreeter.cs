using Greeter.Core;

namespace Greeter.App;

/// <summary>Greets each name given on the command line.</summary>
internal sealed class ConsoleGreeter(IGreetingPolicy policy)
{
    public void Run(IReadOnlyList<string> names)
    {
        foreach (var name in names.DefaultIfEmpty("world"))
        {
            Console.WriteLine(policy.Greet(name).Text);
        }
    }
}

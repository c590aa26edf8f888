using Greeter.App;
using Greeter.Core;

var greeter = new ConsoleGreeter(new FormalPolicy());
greeter.Run(args);

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Packer.Cli;

/// <summary>
/// Help that shows a subcommand as it is typed. System.CommandLine writes every parent command's arguments into a
/// subcommand's usage line and argument list, so <c>mcp --help</c> read "dotnet-pack-context [&lt;PATH&gt;] mcp [&lt;PATH&gt;]
/// [options]" and <c>init --help</c> listed two PATHs; the root's PATH is the pack's own, not the subcommands'. While a
/// subcommand's help is written the root's arguments are taken off it (the process ends after help).
/// </summary>
/// <param name="help">The help the option had.</param>
/// <param name="root">The root command.</param>
internal sealed class SubcommandHelp(HelpAction help, RootCommand root) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <summary>Gives the root command's help option this help.</summary>
    /// <param name="root">The root command, with its subcommands.</param>
    public static void Use(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new SubcommandHelp((HelpAction)option.Action!, root);
    }

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command == root)
        {
            return help.Invoke(parseResult);
        }

        var arguments = root.Arguments.ToList();
        root.Arguments.Clear();
        try
        {
            return help.Invoke(parseResult);
        }
        finally
        {
            arguments.ForEach(root.Arguments.Add);
        }
    }
}

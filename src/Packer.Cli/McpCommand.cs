using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Manifest;
using Packer.Agents.Server;
using Packer.Agents.Session;

namespace Packer.Cli;

/// <summary>
/// <c>dotnet pack-context mcp</c>: an MCP server on standard input and output (the official C# SDK) whose tools
/// pack, rank and explain for the solution of the folder it is started in. Standard output carries only the
/// protocol; logs go to standard error.
/// </summary>
internal static class McpCommand
{
    private static readonly Option<int?> InlineTokensOption = PackFlags.WholeNumber(
        "--inline-tokens",
        $"The most tokens a tool's answer holds, a bundle or slice returned inline included ({ServerOptions.MinInlineTokens:N0} to {OptionValues.MaxTokenSetting:N0}; default {ServerOptions.DefaultInlineTokens}).",
        ServerOptions.MinInlineTokens,
        OptionValues.MaxTokenSetting);

    private const string Instructions =
        "Focused context for this .NET solution. To give a sub-agent the context of one module, call pack_context with the module's "
        + "project, namespace, type or file as targets and a token cap that suits the sub-agent, then pass it the returned path "
        + "(or the inline text). rank_files says which files matter for a target; explain_file says why a file is or is not in a bundle; "
        + "read_bundle returns one file's block or a token range of a written bundle. Bundles are written under .packer/mcp/.";

    public static Command Create()
    {
        var command = new Command("mcp", "Serves the tools pack_context, rank_files, explain_file and read_bundle over MCP (stdio), keeping the solution's analysis in memory between calls.");
        foreach (var symbol in PackFlags.Packing.Concat([SettingFlags.For(Settings.StateDirectory), InlineTokensOption]))
        {
            PackCommand.Add(command, symbol);
        }

        command.SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var log = new ConsoleLog(parse.GetValue(PackFlags.Quiet), parse.GetValue(PackFlags.Verbose));
        ServerOptions settings;
        try
        {
            var workingDirectory = Environment.CurrentDirectory;
            var bound = PackFlags.Bind(parse, workingDirectory);
            var inline = parse.GetValue(InlineTokensOption) ?? ServerOptions.DefaultInlineTokens;
            settings = new ServerOptions(bound.Pack, SessionOptions.Merge(bound.File, bound.Flags, bound.Pack).StateDirectory, workingDirectory, inline);
        }
        catch (PackerException e)
        {
            log.Error(e.Message);
            return e.ExitCode;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging
            .AddConsole(console => (console.LogToStandardErrorThreshold, console.FormatterName) = (LogLevel.Trace, LogLines.FormatterName))
            .AddConsoleFormatter<LogLines, ConsoleFormatterOptions>();
        builder.Logging.SetMinimumLevel(parse.GetValue(PackFlags.Verbose) ? LogLevel.Information : parse.GetValue(PackFlags.Quiet) ? LogLevel.Error : LogLevel.Warning);
        builder.Services.AddSingleton(services =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("pack-context");
            return new ContextServer(settings, message => logger.LogInformation("{Message}", message));
        });
        builder.Services
            .AddMcpServer(server =>
            {
                server.ServerInfo = new Implementation { Name = ManifestJson.ToolName, Version = ManifestJson.ToolVersion };
                server.ServerInstructions = Instructions;
            })
            .WithStdioServerTransport()
            .WithTools([typeof(McpTools)])
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolCalls.Filter));
        builder.Services.PostConfigure<McpServerOptions>(options =>
        {
            foreach (var tool in options.ToolCollection ?? [])
            {
                tool.ProtocolTool.InputSchema = SettingSchemas.Bind(tool.ProtocolTool.InputSchema);
            }
        });
        await builder.Build().RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}

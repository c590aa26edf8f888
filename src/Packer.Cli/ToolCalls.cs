using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Packer.Core;
using Packer.Agents.Server;

namespace Packer.Cli;

/// <summary>
/// What every tool call goes through before and after the tool: its arguments are checked against the tool's input schema
/// (<see cref="ToolArguments"/>), and an expected failure (a bad argument, an unknown target, a file that cannot be read)
/// becomes a tool error whose one line, redacted (it goes to the model), says what to change, and one line on standard
/// error. Anything else is a bug, which the SDK answers with its generic tool error and logs with the stack trace.
/// </summary>
internal static class ToolCalls
{
    /// <summary>The call-tool filter.</summary>
    /// <param name="next">The rest of the pipeline: the SDK binding the arguments and calling the tool.</param>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            try
            {
                if (request.MatchedPrimitive is McpServerTool tool && request.Params is { } call)
                {
                    call.Arguments = ToolArguments.Check(tool.ProtocolTool, call.Arguments);
                }

                return await next(request, cancellationToken);
            }
            catch (Exception e) when (e is PackerException or InvalidDataException or IOException)
            {
                var services = request.Services ?? throw new InvalidOperationException("the MCP server gave the call no services.");
                var message = services.GetRequiredService<ContextServer>().Redact(e.Message);
                services.GetRequiredService<ILoggerFactory>().CreateLogger(LogLines.FormatterName).LogWarning("{Tool}: {Message}", request.Params?.Name, message);
                return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message }] };
            }
        };
}

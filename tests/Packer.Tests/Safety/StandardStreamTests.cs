using Packer.Core;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// What a run prints goes somewhere that may fail (a full disk, a closed pipe): each command then says so in one
/// line naming standard output, with no stack trace, hook mode included; and a session's refusals name the session's
/// own files, not flags it was not given.
/// </summary>
public sealed class StandardStreamTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    private static readonly Lazy<string> Shop = new(() => Fixtures.Copy("Shop"));

    [Theory]
    [InlineData("Shop.sln --target OrderService", "")]
    [InlineData("session Shop.sln --target OrderService --state-dir full-plain", "")]
    [InlineData("session Shop.sln --target OrderService --state-dir full-hook --agent claude", "{\"hook_event_name\": \"SessionStart\", \"source\": \"startup\"}")]
    public async Task A_full_standard_output_is_one_line_naming_it(string arguments, string input)
    {
        if (!File.Exists("/dev/full"))
        {
            return; // no such device on this machine
        }

        var result = await ProcessResult.RunAsync(
            "bash",
            ["-c", $"printf '%s' \"$1\" | \"$0\" {arguments} -q > /dev/full", tool.Command, input],
            Shop.Value,
            new Dictionary<string, string> { ["XDG_CACHE_HOME"] = tool.CacheHome });

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("error: standard output could not be written (No space left on device).\n", result.StandardError);
    }

    [Fact]
    public async Task A_session_names_its_own_files_in_a_refusal_not_flags()
    {
        var state = Path.Combine(Shop.Value, "refused");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "context.xml"), "my notes\n");

        var result = await tool.RunAsync(Shop.Value, ["session", "Shop.sln", "--target", "OrderService", "--state-dir", state]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith($"error: the session's bundle {Path.Combine(state, "context.xml")} exists and is not a bundle or manifest this tool wrote", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("-o", result.StandardError, StringComparison.Ordinal);
    }
}

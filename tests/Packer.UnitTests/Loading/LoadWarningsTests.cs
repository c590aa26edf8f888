using Microsoft.CodeAnalysis;
using Packer.Core.Loading;

namespace Packer.Tests.Loading;

public sealed class LoadWarningsTests
{
    private const string Root = "/repo";

    [Fact]
    public void A_slow_build_host_shutdown_is_left_out_and_process_ids_never_reach_a_warning()
    {
        // Given what Roslyn reports on a busy machine (the same load, two processes), and a crash during a load
        var diagnostics = new[]
        {
            Failure("[BuildHost PID 5323] The BuildHost process is not responding. Process output:\ninfo: Loading src/A/A.csproj\ninfo: RPC channel closed; process exiting.\n"),
            Failure("[BuildHost PID 5349] The BuildHost process is not responding. Process output:\ninfo: Loading src/A/A.csproj\ninfo: RPC channel closed; process exiting.\n"),
            Failure("[BuildHost PID 6001] The BuildHost process exited with 134. Process output:\ninfo: Loading /repo/src/A/A.csproj\n"),
            Failure("[BuildHost PID 6002] The BuildHost process exited with 134. Process output:\ninfo: Loading /repo/src/A/A.csproj\n"),
            Failure("Msbuild failed when processing the file '/repo/src/B/B.csproj' with message: boom"),
            new WorkspaceDiagnostic(WorkspaceDiagnosticKind.Warning, "Found project reference without a matching metadata reference: /repo/src/C/C.csproj"),
        };

        // When
        var warnings = LoadWarnings.Summarize(diagnostics, Root);

        // Then
        Assert.Equal(
            [
                "Msbuild failed when processing the file 'src/B/B.csproj' with message: boom",
                "The BuildHost process exited with 134. Process output: info: Loading src/A/A.csproj",
            ],
            warnings);
    }

    private static WorkspaceDiagnostic Failure(string message) => new(WorkspaceDiagnosticKind.Failure, message);
}

namespace Packer.Cli;

/// <summary>
/// One line on standard error naming the phase that is running, shown only once a phase has lasted a
/// second, redrawn in place and erased at the end. Silent unless standard error is an interactive terminal
/// outside CI, so logs and pipes never see it.
/// </summary>
internal sealed class ProgressLine : IProgress<string>, IDisposable
{
    private static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);
    private static readonly string[] CiVariables = ["CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE"];
    private static readonly char[] Spinner = ['|', '/', '-', '\\'];

    private readonly Lock gate = new();
    private readonly Timer? timer;
    private string phase = string.Empty;
    private DateTime started = DateTime.UtcNow;
    private int frame;
    private int drawnLength;

    public ProgressLine(bool quiet)
    {
        if (!quiet && !Console.IsErrorRedirected && !CiVariables.Any(v => Environment.GetEnvironmentVariable(v) is { Length: > 0 }))
        {
            timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Notes that a phase started.</summary>
    public void Report(string value)
    {
        lock (gate)
        {
            phase = value;
            started = DateTime.UtcNow;
        }
    }

    /// <summary>Stops drawing and erases the line.</summary>
    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            Erase();
            phase = string.Empty;
        }
    }

    private void Draw()
    {
        lock (gate)
        {
            var elapsed = DateTime.UtcNow - started;
            if (phase.Length == 0 || elapsed < ShowAfter)
            {
                Erase();
                return;
            }

            var text = $"{Spinner[frame++ % Spinner.Length]} {phase}... {elapsed.TotalSeconds:F0} s";
            Console.Error.Write("\r" + text.PadRight(drawnLength));
            drawnLength = text.Length;
        }
    }

    private void Erase()
    {
        if (drawnLength > 0)
        {
            Console.Error.Write("\r" + new string(' ', drawnLength) + "\r");
            drawnLength = 0;
        }
    }
}

using Packer.Core;
using System.Diagnostics;
using System.Text;

namespace Packer.Agents.Setup;

/// <summary>
/// How an agent starts this tool: the words of a command (a program, then its arguments), split from what a user
/// types as a shell splits it, written back quoted as a shell reads it, and tried here before init writes them.
/// </summary>
public static class ToolCommand
{
    /// <summary>How long <c>--version</c> may take before the command is called broken.</summary>
    private static readonly TimeSpan VersionWait = TimeSpan.FromSeconds(60);

    /// <summary>How long the trial pack may take.</summary>
    private static readonly TimeSpan TrialWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Splits a command as a POSIX shell would: whitespace separates words, '…' and "…" group (a backslash escapes
    /// a quote, a backslash or a space, except on Windows, where paths are made of backslashes). A command that is
    /// the path of a file as it stands is one word, spaces and all (<c>/opt/my tools/dotnet-pack-context</c>).
    /// </summary>
    /// <exception cref="UsageException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Split(string command)
    {
        var trimmed = command.Trim();
        if (File.Exists(trimmed))
        {
            return [trimmed];
        }

        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '\\' && quote != '\'' && !OperatingSystem.IsWindows() && i + 1 < trimmed.Length && trimmed[i + 1] is '"' or '\'' or '\\' or ' ')
            {
                word.Append(trimmed[++i]);
                inWord = true;
            }
            else if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new UsageException($"--command {command}: a {quote} quote is not closed.");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.Count > 0 ? words : throw new UsageException("--command is empty: give the command that starts dotnet-pack-context.");
    }

    /// <summary>Joins words into one command line a POSIX shell splits back into them (a word with anything but safe characters in single quotes).</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>Runs <c>WORDS --version</c> in a folder; null when it printed <paramref name="version"/>, otherwise what went wrong.</summary>
    public static async Task<string?> VersionFailureAsync(IReadOnlyList<string> words, string folder, string version, CancellationToken cancellationToken)
    {
        var (exit, output, error) = await RunAsync([.. words, "--version"], folder, VersionWait, cancellationToken).ConfigureAwait(false);
        return exit switch
        {
            null => $"it did not answer --version within {VersionWait.TotalSeconds:N0} s",
            0 when output.Trim().StartsWith(version, StringComparison.Ordinal) => null,
            0 => $"it is another version ({FirstLine(output)}, not {version})",
            _ => $"it failed (exit {exit}: {FirstLine(error.Length > 0 ? error : output)})",
        };
    }

    /// <summary>Runs a pack with the command, as a hook would, and times it.</summary>
    /// <returns>How long it took, or what went wrong.</returns>
    public static async Task<(TimeSpan Elapsed, string? Failure)> TrialAsync(IReadOnlyList<string> words, IReadOnlyList<string> arguments, string folder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (exit, output, error) = await RunAsync([.. words, .. arguments], folder, TrialWait, cancellationToken).ConfigureAwait(false);
        return (clock.Elapsed, exit switch
        {
            0 => null,
            null => $"it did not finish within {TrialWait.TotalMinutes:N0} minutes",
            _ => $"exit {exit}: {FirstLine(error.Length > 0 ? error : output)}",
        });
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_@%+=:,./-".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();

    // Runs a program with its own arguments (no shell), with nothing on standard input; null exit: it timed out (and was killed).
    private static async Task<(int? Exit, string Output, string Error)> RunAsync(IReadOnlyList<string> words, string folder, TimeSpan wait, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(words[0]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in words.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (null, string.Empty, string.Empty);
            }

            return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, string.Empty, $"could not start {words[0]}: {e.Message}");
        }
    }
}

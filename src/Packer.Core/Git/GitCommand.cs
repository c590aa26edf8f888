using System.Diagnostics;

namespace Packer.Core.Git;

/// <summary>Runs git in a repository and returns what it printed, or null when git is missing or fails.</summary>
internal static class GitCommand
{
    /// <summary>Runs <c>git -C root …</c> (paths printed as they are, not quoted).</summary>
    public static string? Run(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in new[] { "-c", "core.quotepath=off", "-C", root }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on PATH
        }
    }

    /// <summary>Tells whether <paramref name="root"/> is the top of a git work tree.</summary>
    public static bool IsRepository(string root) => Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git"));
}

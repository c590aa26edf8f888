using Packer.Core.Git;

namespace Packer.Core.History;

/// <summary>
/// What git knows about how volatile each file is: when it last changed in a commit, and whether it is
/// changed in the working tree now. Read with the git command line; absent when there is no git or no
/// repository, and the order then falls back to paths. The log (the slow part on a long history) is read
/// again only when HEAD moved; the working tree's status is read on every run.
/// </summary>
/// <param name="LastChange">Commit time (Unix seconds) of each file's last change, by repository-relative path.</param>
/// <param name="Changed">Files modified, added or untracked in the working tree.</param>
/// <param name="Commits">The files of each commit, newest first (sweeping commits left out).</param>
internal sealed record GitHistory(IReadOnlyDictionary<string, long> LastChange, IReadOnlySet<string> Changed, IReadOnlyList<IReadOnlyList<string>> Commits)
{
    // A commit that touches more files than this is a sweep (an import, a rename, a reformat), not
    // evidence that its files change together.
    private const int MaxFilesPerCommit = 12;

    // Enough history to date nearly every file of a large repository, bounded so a huge one stays quick.
    private const int MaxCommits = 20_000;

    /// <summary>Reads the history of the repository at <paramref name="root"/> (null when there is none), and the log it came from, for the cache.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="known">The log read by an earlier run, reused when HEAD is where it was.</param>
    public static (GitHistory? History, GitLog? Log) Read(string root, GitLog? known)
    {
        if (ReadState(root) is not { } state)
        {
            return (null, null);
        }

        var log = known is not null && known.Head == state.Head ? known : ReadLog(root, state.Head);
        return log is null ? (null, null) : (new GitHistory(log.LastChange, state.Changed, log.Commits), log);
    }

    /// <summary>
    /// Where the repository at <paramref name="root"/> is without its log: HEAD and the files changed in the working tree
    /// (null when there is no git, no repository or no commit yet). <see cref="Read"/> reads the same.
    /// </summary>
    /// <param name="root">The repository root.</param>
    public static (string Head, IReadOnlySet<string> Changed)? ReadState(string root)
    {
        if (!GitCommand.IsRepository(root))
        {
            return null;
        }

        var head = Git(root, "rev-parse", "--verify", "--quiet", "HEAD")?.Trim();
        if (string.IsNullOrEmpty(head))
        {
            return null; // no git, or no commit yet
        }

        var status = Git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all");
        if (status is null)
        {
            return null;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        var entries = status.Split('\0');
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Length > 3)
            {
                changed.Add(entries[i][3..]);
                if (entries[i][0] is 'R' or 'C')
                {
                    i++; // the entry after a rename is its old path
                }
            }
        }

        return (head, changed);
    }

    private static GitLog? ReadLog(string root, string head)
    {
        var log = Git(root, "log", $"--max-count={MaxCommits}", "--format=%x01%ct", "--name-only", "--no-renames", "-z");
        if (log is null)
        {
            return null;
        }

        var lastChange = new Dictionary<string, long>(StringComparer.Ordinal);
        var commits = new List<IReadOnlyList<string>>();
        List<string>? commit = null;
        long time = 0;
        foreach (var field in log.Split('\0'))
        {
            var line = field.Trim('\n');
            if (line.StartsWith('\u0001'))
            {
                var lines = line[1..].Split('\n', 2);
                time = long.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
                line = lines.Length > 1 ? lines[1].Trim('\n') : string.Empty;
                commit = [];
                commits.Add(commit);
            }

            if (line.Length > 0)
            {
                lastChange.TryAdd(line, time);
                commit?.Add(line);
            }
        }

        commits.RemoveAll(c => c.Count is 0 or > MaxFilesPerCommit);
        return new GitLog(head, lastChange, commits);
    }

    /// <summary>
    /// How often each file was committed together with the targets, each commit counting 1/(its other
    /// files), so that small focused commits say more than large ones.
    /// </summary>
    public IReadOnlyDictionary<string, double> CoChange(IReadOnlyCollection<string> targets)
    {
        var targetSet = targets as IReadOnlySet<string> ?? targets.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var commit in Commits)
        {
            if (commit.Count < 2 || !commit.Any(targetSet.Contains))
            {
                continue;
            }

            var weight = 1.0 / (commit.Count - 1);
            foreach (var file in commit.Where(f => !targetSet.Contains(f)))
            {
                result[file] = result.GetValueOrDefault(file) + weight;
            }
        }

        return result;
    }

    private static string? Git(string root, params string[] arguments) => GitCommand.Run(root, arguments);
}

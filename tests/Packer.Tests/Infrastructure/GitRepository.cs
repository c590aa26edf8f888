namespace Packer.Tests.Infrastructure;

/// <summary>A scratch git repository with commits at fixed times, so that history-based ordering is reproducible.</summary>
internal sealed class GitRepository(string root)
{
    private int commits;

    public string Root { get; } = root;

    /// <summary>Makes <paramref name="root"/> a repository whose first commit holds everything in it.</summary>
    public static async Task<GitRepository> InitAsync(string root)
    {
        var repository = new GitRepository(root);
        await repository.GitAsync("init", "-q", "-b", "main");
        await repository.CommitAllAsync("initial");
        return repository;
    }

    /// <summary>Commits everything, one day after the previous commit.</summary>
    public async Task CommitAllAsync(string message)
    {
        await GitAsync("add", "-A");
        var date = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + (86_400L * commits++)).ToString("yyyy-MM-ddTHH:mm:ssZ");
        await GitAsync(new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date }, "commit", "-q", "-m", message);
    }

    /// <summary>
    /// Returns the work tree and the history to the first commit: later commits, edits and new files go,
    /// build output (bin/, obj/) stays, so that a warm analysis cache stays warm.
    /// </summary>
    public async Task ResetAsync()
    {
        var first = (await ProcessResult.RunAsync("git", ["rev-list", "--max-parents=0", "HEAD"], Root)).StandardOutput.Trim();
        await GitAsync("reset", "-q", "--hard", first);
        await GitAsync("clean", "-q", "-f", "-d", "-x", "-e", "obj/", "-e", "bin/");
        commits = 1;
    }

    private Task GitAsync(params string[] arguments) => GitAsync(null, arguments);

    private async Task GitAsync(Dictionary<string, string>? environment, params string[] arguments)
    {
        var identity = new[] { "-c", "user.name=Packer Tests", "-c", "user.email=tests@packer.invalid", "-c", "commit.gpgsign=false" };
        var result = await ProcessResult.RunAsync("git", [.. identity, .. arguments], Root, environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {result.StandardError}");
        }
    }
}

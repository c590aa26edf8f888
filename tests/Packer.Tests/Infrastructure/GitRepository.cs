namespace Packer.Tests.Infrastructure;

/// <summary>A scratch git repository with commits at fixed times, so that history-based ordering is reproducible.</summary>
internal sealed class GitRepository(string root)
{
    private int commits;

    public string Root { get; } = root;

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

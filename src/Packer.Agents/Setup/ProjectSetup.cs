using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Output;
using Packer.Agents.Session;
using Packer.Core.Text;

namespace Packer.Agents.Setup;

/// <summary>
/// <c>init</c>: writes a commented packer.yaml for the folder's solution, git-ignores the state folder, and for each
/// agent asked for adds the MCP server, and its hooks or instructions, to the files that agent reads (<see cref="AgentFiles"/>).
/// Existing files are merged into and keep every key; every existing file is read and checked before any is
/// written, so an unreadable one (or a link, a folder, a device) stops it with nothing written; a second run changes nothing.
/// </summary>
public static class ProjectSetup
{
    /// <summary>Sets a folder up.</summary>
    /// <param name="request">What to set up.</param>
    /// <param name="progress">Told what is running when it may take a while (the trial of the command: a cold pack).</param>
    /// <param name="cancellationToken">Cancels it; nothing is written then.</param>
    /// <exception cref="UsageException">No target for a new packer.yaml, or an existing file cannot be read.</exception>
    /// <exception cref="FileAccessException">A file cannot be written (then none is: they are committed together).</exception>
    public static async Task<SetupOutcome> RunAsync(SetupRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var yamlPath = Path.Combine(request.Folder, ConfigLoader.DefaultFileName);
        string[] agentFiles = [.. request.Agents.SelectMany(AgentFiles.Of).Select(p => Path.Combine(request.Folder, p))];
        CheckKinds([yamlPath], existingRead: true); // an existing packer.yaml is only read
        CheckKinds(agentFiles, existingRead: false);
        var config = File.Exists(yamlPath) ? ConfigLoader.Load(yamlPath) : null;
        var solution = SolutionFinder.Find(request.Solution ?? config?.Get(Settings.Solution) ?? request.Folder);
        var root = RepositoryRoot.For(solution);
        var gitignore = Path.Combine(root, ".gitignore");
        CheckKinds([gitignore], existingRead: false);
        var realPaths = new RealPaths(root);
        if (new[] { yamlPath, gitignore }.Concat(agentFiles).FirstOrDefault(p => RepoPath.Relative(root, p) is not null && realPaths.LeavesRoot(p)) is { } outside)
        {
            throw new UsageException($"{outside} is reached through a symbolic link that leads out of the repository; init writes only inside it. Nothing was written.", DiagnosticCodes.OutputRefused);
        }

        var planned = new List<(string Path, string? Text)>();
        var notes = new List<string>();

        if (config is null)
        {
            if (request.Targets.Count == 0)
            {
                var projects = await MainProjectsAsync(solution, cancellationToken).ConfigureAwait(false);
                throw new UsageException(
                    $"init needs a target for packer.yaml: pass --target with a project, file, type, namespace or folder of {Path.GetFileName(solution)}"
                    + (projects.Count == 0 ? "." : $" (its projects, largest first: {string.Join(", ", projects.Take(10))}), e.g. --target {projects[0]}."),
                    DiagnosticCodes.NoTarget);
            }

            planned.Add((yamlPath, PackerYamlTemplate.For(Path.GetRelativePath(request.Folder, solution).Replace('\\', '/'), request.Targets)));
        }
        else
        {
            planned.Add((yamlPath, null));
            var kept = config.Get(Settings.Targets)?.Select(t => t.Text).ToList() ?? [];
            if (request.Targets.Count > 0 && !request.Targets.SequenceEqual(kept, StringComparer.Ordinal))
            {
                notes.Add($"packer.yaml is kept as it is: its targets are {Listed(kept)}, and --target {string.Join(" --target ", request.Targets)} was not applied. "
                    + "Edit 'targets' in packer.yaml to change them.");
            }
        }

        var stateFolder = config?.Get(Settings.StateDirectory) ?? Path.Combine(root, SessionOptions.DefaultStateFolder);
        planned.Add((gitignore, GitIgnore.With(gitignore, root, stateFolder)));

        if (request.Agents.Count > 0)
        {
            // The command is tried (and a cold pack timed) only when a file would name it.
            var draft = Plan(request.Agents, request.Folder, request.Commands[0], SetupRequest.DefaultHookTimeout);
            var (command, timeout) = draft.Any(p => p.Text is not null && p.NamesCommand)
                ? await CommandAsync(request, solution, File.Exists(yamlPath) ? yamlPath : null, notes, progress, cancellationToken).ConfigureAwait(false)
                : (request.Commands[0], SetupRequest.DefaultHookTimeout);
            planned.AddRange(Plan(request.Agents, request.Folder, command, timeout).Select(p => (p.Path, p.Text)));
        }

        OutputWriter.Write([.. planned.Where(p => p.Text is not null).Select(p => (p.Path, p.Text!))]);

        return new SetupOutcome(
            [.. planned.Where(p => p.Text is not null).Select(p => p.Path)],
            [.. planned.Where(p => p.Text is null).Select(p => p.Path)],
            notes);
    }

    // What each agent's files become (null: as they are); two agents may share none.
    private static List<(string Path, string? Text, bool NamesCommand)> Plan(IReadOnlyList<Agent> agents, string folder, IReadOnlyList<string> command, int timeout) =>
        [.. agents.Distinct().SelectMany(a => AgentFiles.Plan(a, folder, command, timeout))];

    // The command the agent's files name, tried here: the first that runs this version, then a cold pack with it,
    // timed, gives the session hook's timeout (three times the cold pack, in tens of seconds, at least Claude Code's
    // default). Without the check the first command is written as it is.
    private static async Task<(IReadOnlyList<string> Command, int Timeout)> CommandAsync(
        SetupRequest request, string solution, string? config, List<string> notes, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!request.Check)
        {
            notes.Add($"the agent's files start the tool with {ToolCommand.Join(request.Commands[0])} (not tried: --no-check).");
            return (request.Commands[0], SetupRequest.DefaultHookTimeout);
        }

        var failures = new List<string>();
        foreach (var command in request.Commands)
        {
            progress?.Report($"trying {ToolCommand.Join(command)}");
            if (await ToolCommand.VersionFailureAsync(command, request.Folder, request.Version, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                failures.Add($"{ToolCommand.Join(command)}: {failure}");
                continue;
            }

            progress?.Report($"a cold pack with {ToolCommand.Join(command)}, to set the hook's timeout");
            var scratch = Directory.CreateTempSubdirectory("pack-context-init-");
            try
            {
                string[] aim = config is null ? [solution, .. request.Targets.SelectMany(t => new[] { "--target", t })] : ["--config", config];
                var (elapsed, trialFailure) = await ToolCommand.TrialAsync(
                    command,
                    [.. aim, "--no-cache", "-q", "-o", Path.Combine(scratch.FullName, "bundle"), "--manifest", Path.Combine(scratch.FullName, "manifest.json")],
                    request.Folder,
                    cancellationToken).ConfigureAwait(false);
                if (trialFailure is not null)
                {
                    throw new UsageException($"a trial pack with {ToolCommand.Join(command)} failed ({trialFailure}); fix that first. Nothing was written.");
                }

                var timeout = Math.Max(SetupRequest.DefaultHookTimeout, 10 * (int)Math.Ceiling(3 * elapsed.TotalSeconds / 10));
                notes.Add($"the agent's files start the tool with {ToolCommand.Join(command)}: it runs dotnet-pack-context {request.Version} here, and a cold pack took {elapsed.TotalSeconds:F1} s, so the session hook may take {timeout} s.");
                return (command, timeout);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }

        throw new UsageException(
            $"no command runs dotnet-pack-context {request.Version} here ({string.Join("; ", failures)}). Pass --command with one that does "
            + "(e.g. the path of the installed tool), or --no-check if it runs only where the agent runs. Nothing was written.");
    }

    // The solution's projects, test and sample projects last, then the most C# files first: the one to suggest as a target is the main one.
    private static async Task<IReadOnlyList<string>> MainProjectsAsync(string solution, CancellationToken cancellationToken)
    {
        var projects = await ProjectFileReader.ProjectPathsAsync(solution, cancellationToken).ConfigureAwait(false);
        return [.. projects
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Files: SourceFiles(Path.GetDirectoryName(p)!)))
            .OrderBy(p => SideProject.Any(s => p.Name.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(p => p.Files)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name)];
    }

    private static readonly string[] SideProject = ["Test", "Spec", "Benchmark", "Sample", "Example", "Demo"];

    private static int SourceFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden })
                .Count(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            return 0;
        }
    }

    private static string Listed(IReadOnlyList<string> targets) => targets.Count == 0 ? "none" : string.Join(", ", targets);

    // Regular files only (or nothing yet), checked before any is read: a FIFO would never end a read, and a link or a
    // folder is never replaced (a file that is only read may be a link).
    private static void CheckKinds(IEnumerable<string> paths, bool existingRead)
    {
        foreach (var path in paths)
        {
            var kind = PathKinds.Of(path);
            var what = kind switch
            {
                PathKind.Link when !existingRead => "a symbolic link",
                PathKind.Directory => "a folder",
                PathKind.Special => "a device, FIFO or socket",
                _ => null,
            };
            if (what is not null)
            {
                throw new UsageException($"{path} is {what}; init reads and writes only regular files. Nothing was written.", DiagnosticCodes.OutputRefused);
            }
        }
    }
}

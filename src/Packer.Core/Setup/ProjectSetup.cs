using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Output;
using Packer.Core.Session;
using Packer.Core.Text;

namespace Packer.Core.Setup;

/// <summary>
/// <c>init</c>: writes a commented packer.yaml for the folder's solution, git-ignores the state folder, and for
/// Claude Code adds the SessionStart and UserPromptSubmit hooks (<c>.claude/settings.json</c>) and the MCP server (<c>.mcp.json</c>).
/// Existing files are merged into and keep every key; every existing file is read and checked before any is
/// written, so an unreadable one (or a link, a folder, a device) stops it with nothing written; a second run changes nothing.
/// </summary>
public static class ProjectSetup
{
    /// <summary>Sets a folder up.</summary>
    /// <exception cref="UsageException">No target for a new packer.yaml, or an existing file cannot be read.</exception>
    /// <exception cref="FileAccessException">A file cannot be written (then none is: they are committed together).</exception>
    public static async Task<SetupOutcome> RunAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        var yamlPath = Path.Combine(request.Folder, ConfigLoader.DefaultFileName);
        var settingsPath = Path.Combine(request.Folder, ".claude", "settings.json");
        var mcpPath = Path.Combine(request.Folder, ".mcp.json");
        string[] agentFiles = request.Claude ? [settingsPath, mcpPath] : [];
        CheckKinds([yamlPath], existingRead: true); // an existing packer.yaml is only read
        CheckKinds(agentFiles, existingRead: false);
        var config = File.Exists(yamlPath) ? ConfigLoader.Load(yamlPath) : null;
        var solution = SolutionFinder.Find(request.Solution ?? config?.Solution ?? request.Folder);
        var root = RepositoryRoot.For(solution);
        var gitignore = Path.Combine(root, ".gitignore");
        CheckKinds([gitignore], existingRead: false);
        var realPaths = new RealPaths(root);
        if (new[] { yamlPath, gitignore }.Concat(agentFiles).FirstOrDefault(p => RepoPath.Relative(root, p) is not null && realPaths.LeavesRoot(p)) is { } outside)
        {
            throw new UsageException($"{outside} is reached through a symbolic link that leads out of the repository; init writes only inside it. Nothing was written.", DiagnosticCodes.OutputRefused);
        }

        var planned = new List<(string Path, string? Text)>();

        if (config is null)
        {
            if (request.Targets.Count == 0)
            {
                var projects = (await ProjectFileReader.ProjectPathsAsync(solution, cancellationToken).ConfigureAwait(false))
                    .Select(Path.GetFileNameWithoutExtension).Take(10).ToList();
                throw new UsageException(
                    $"init needs a target for packer.yaml: pass --target with a project, file, type, namespace or folder of {Path.GetFileName(solution)}"
                    + (projects.Count == 0 ? "." : $" (its projects: {string.Join(", ", projects)}), e.g. --target {projects[0]}."),
                    DiagnosticCodes.NoTarget);
            }

            planned.Add((yamlPath, PackerYamlTemplate.For(Path.GetRelativePath(request.Folder, solution).Replace('\\', '/'), request.Targets)));
        }
        else
        {
            planned.Add((yamlPath, null));
        }

        var stateFolder = config?.StateDirectory ?? Path.Combine(root, SessionOptions.DefaultStateFolder);
        planned.Add((gitignore, GitIgnore.With(gitignore, root, stateFolder)));

        if (request.Claude)
        {
            var settings = JsonSettings.Read(settingsPath);
            var mcp = JsonSettings.Read(mcpPath);
            var changed = JsonSettings.AddSessionHook(settings, request.Command) | JsonSettings.AddPromptHook(settings, request.Command);
            planned.Add((settingsPath, changed ? JsonSettings.Text(settings) : null));
            planned.Add((mcpPath, JsonSettings.AddMcpServer(mcp, request.Command) ? JsonSettings.Text(mcp) : null));
        }

        OutputWriter.Write([.. planned.Where(p => p.Text is not null).Select(p => (p.Path, p.Text!))]);

        return new SetupOutcome(
            [.. planned.Where(p => p.Text is not null).Select(p => p.Path)],
            [.. planned.Where(p => p.Text is null).Select(p => p.Path)]);
    }

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

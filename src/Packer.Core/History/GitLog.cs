namespace Packer.Core.History;

/// <summary>What the commit log says, as of one HEAD: the part of <see cref="GitHistory"/> that a cache can keep.</summary>
/// <param name="Head">The commit HEAD pointed at.</param>
/// <param name="LastChange">Commit time (Unix seconds) of each file's last change.</param>
/// <param name="Commits">The files of each commit, newest first (sweeping commits left out).</param>
internal sealed record GitLog(string Head, IReadOnlyDictionary<string, long> LastChange, IReadOnlyList<IReadOnlyList<string>> Commits);

using Packer.Core.Loading;

namespace Packer.Core.Caching;

/// <summary>
/// Where a run finds what earlier runs learnt about its solution, and leaves what it learnt: the cache file
/// (<see cref="SolutionCache"/>) for one-shot runs, memory (<see cref="ResidentAnalysis"/>) in a server. What a
/// lookup found travels in its <see cref="CacheLookup"/> to the save at the end of the run.
/// </summary>
internal interface IAnalysisStore
{
    /// <summary>Gives the loaded solution and what is known of it when nothing that decides the load changed; otherwise says why not.</summary>
    /// <param name="filter">The include and exclude globs, to find the extra files again.</param>
    CacheLookup TryReuse(FileFilter filter);

    /// <summary>Keeps what this run knows.</summary>
    /// <param name="lookup">What the lookup at the start of the run found.</param>
    /// <param name="loaded">The solution as loaded (before loose target files were added).</param>
    /// <param name="run">What the run learnt.</param>
    /// <returns>The lookup's outcome, with a note when what was learnt could not be kept.</returns>
    CacheOutcome Save(CacheLookup lookup, LoadedSolution loaded, RunAnalysis run);
}

using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Manifest;
using Packer.Core.Ranking;

namespace Packer.Core.Pipeline;

/// <summary>
/// The stages that depend on whether the targets fit the cap, behind one face so that the pipeline reads the same
/// either way (<see cref="PackPlans.Choose"/> picks one): <see cref="FittingPlan"/> when the targets' files fit in
/// full (or there are no targets, or a task ranks within targets that do not fit), <see cref="ModulePlan"/> when they
/// do not (docs/output.md, "Targets larger than the cap").
/// </summary>
internal interface IPackPlan
{
    /// <summary>Gets the bundle's header (a module's gives its targets' file counts rather than its files).</summary>
    BundleHeader Header { get; }

    /// <summary>Gets the files packed first and walked from, in ordinal order: the targets' files, or none when the targets only narrow a task's ranking.</summary>
    IReadOnlyList<string> TargetFiles { get; }

    /// <summary>Gets the files a task ranks a little higher (the targets' files when they narrow the task's ranking); empty otherwise.</summary>
    IReadOnlySet<string> Scope { get; }

    /// <summary>Binds the document graph.</summary>
    /// <param name="index">The solution's syntax index.</param>
    /// <param name="usages">Binds a file's references, and remembers what it bound.</param>
    /// <param name="anchors">The files to walk from (the target files, and a task's anchors).</param>
    /// <param name="cancellationToken">Cancels the binding.</param>
    Task<DocumentGraph> BindAsync(SyntaxIndex index, UsageCollector usages, IReadOnlyList<string> anchors, CancellationToken cancellationToken);

    /// <summary>Puts the ranked files in the order the plan packs them in.</summary>
    /// <param name="ranked">Every file, ranked.</param>
    /// <param name="graph">The graph <see cref="BindAsync"/> bound.</param>
    IReadOnlyList<RankedFile> Order(IReadOnlyList<RankedFile> ranked, DocumentGraph graph);

    /// <summary>Chooses and renders the bundle.</summary>
    /// <param name="options">The run's options (cap, edit room).</param>
    /// <param name="ranked">Every file, in the order of <see cref="Order"/>.</param>
    /// <param name="previous">What reading --previous gave.</param>
    /// <param name="git">The repository's history, if any.</param>
    /// <returns>The selection, and what became of the earlier bundle.</returns>
    (Selection Selection, PreviousOutcome Previous) Select(PackOptions options, IReadOnlyList<RankedFile> ranked, PreviousRead previous, GitHistory? git);
}

using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Manifest;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Tokenization;

namespace Packer.Core.Pipeline;

/// <summary>
/// The plan when the targets' files fit the cap. The graph is walked from the anchors (<see cref="GraphBuilder"/>),
/// the ranking is kept, and the budget's stages choose the bundle, in order: split the cap
/// (<see cref="BudgetPlanner.Split"/>); with a session's earlier bundle, try to repeat it and append the edits
/// (<see cref="EditAppender"/>); else plan afresh, keeping the earlier bundle's opening files in place
/// (<see cref="BudgetPlanner.Plan"/>); then arrange, render and fit to the cap (<see cref="BundleFitter"/>).
/// </summary>
/// <param name="renderer">Renders the bundle.</param>
/// <param name="counter">Counts tokens.</param>
/// <param name="texts">Reads the files.</param>
/// <param name="header">The bundle's header.</param>
/// <param name="targetFiles">The targets' files, in ordinal order (none when they only narrow a task's ranking).</param>
/// <param name="scope">The files a task ranks a little higher, or empty.</param>
internal sealed class FittingPlan(
    IBundleRenderer renderer, TokenCounter counter, FileTexts texts, BundleHeader header, IReadOnlyList<string> targetFiles, IReadOnlySet<string> scope) : IPackPlan
{
    /// <inheritdoc/>
    public BundleHeader Header => header;

    /// <inheritdoc/>
    public IReadOnlyList<string> TargetFiles => targetFiles;

    /// <inheritdoc/>
    public IReadOnlySet<string> Scope => scope;

    /// <inheritdoc/>
    public Task<DocumentGraph> BindAsync(SyntaxIndex index, UsageCollector usages, IReadOnlyList<string> anchors, CancellationToken cancellationToken) =>
        GraphBuilder.BuildAsync(index, usages, anchors, new GraphOptions(), cancellationToken);

    /// <inheritdoc/>
    public IReadOnlyList<RankedFile> Order(IReadOnlyList<RankedFile> ranked, DocumentGraph graph) => ranked;

    /// <inheritdoc/>
    public (Selection Selection, PreviousOutcome Previous) Select(PackOptions options, IReadOnlyList<RankedFile> ranked, PreviousRead previous, GitHistory? git)
    {
        var pricer = new BlockPricer(renderer, counter, texts);
        var fitter = new BundleFitter(renderer, counter, pricer, git);
        var planner = new BudgetPlanner(pricer, fitter, git);
        var room = options.EditRoomTokens;
        var split = planner.Split(header, ranked, options.MaxTokens, room);
        if (previous.Bundle is not { } earlier)
        {
            return (fitter.Fit(header, ranked, planner.Plan(split, ranked, null, []), options.MaxTokens), previous.Outcome);
        }

        var arrivals = planner.Arrivals(split, ranked, earlier);
        var why = string.Empty;
        if (earlier.Session is { } session)
        {
            var attempt = new EditAppender(pricer, fitter).Append(header, renderer.Begin(header), ranked, session, arrivals, split);
            if (attempt.Selection is { } appended)
            {
                return (appended, previous.Outcome.Then(PreviousUse.Appended, attempt.Reason));
            }

            why = attempt.Reason + "; ";
        }

        var selection = fitter.Fit(header, ranked, planner.Plan(split, ranked, earlier, arrivals), options.MaxTokens);
        return (selection, previous.Outcome.Then(PreviousUse.Repacked, $"{why}kept {selection.KeptFiles} files in place"));
    }
}

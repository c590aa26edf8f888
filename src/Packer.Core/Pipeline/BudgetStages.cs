using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.History;
using Packer.Core.Manifest;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Tokenization;

namespace Packer.Core.Pipeline;

/// <summary>
/// The budget's stages, in order: split the cap (<see cref="BudgetPlanner.Split"/>); with a session's earlier
/// bundle, try to repeat it and append the edits (<see cref="EditAppender"/>); else plan afresh, keeping the
/// earlier bundle's opening files in place (<see cref="BudgetPlanner.Plan"/>); then arrange, render and fit
/// to the cap (<see cref="BundleFitter"/>).
/// </summary>
internal sealed class BudgetStages(IBundleRenderer renderer, TokenCounter counter, FileTexts texts, GitHistory? git)
{
    /// <summary>Chooses and renders the bundle.</summary>
    /// <param name="options">The run's options (cap, edit room).</param>
    /// <param name="header">The bundle's header.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="previous">What reading --previous gave.</param>
    /// <returns>The selection, and what became of the earlier bundle.</returns>
    public (Selection Selection, PreviousOutcome Previous) Select(PackOptions options, BundleHeader header, IReadOnlyList<RankedFile> ranked, PreviousRead previous)
    {
        var pricer = new BlockPricer(renderer, counter, texts);
        var fitter = new BundleFitter(renderer, counter, pricer, git);
        var planner = new BudgetPlanner(pricer, fitter, git);
        var room = options.Previous is null ? 0 : (int)((long)options.MaxTokens * options.EditRoom / 100);
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

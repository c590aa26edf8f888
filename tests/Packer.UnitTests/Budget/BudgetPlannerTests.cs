using Packer.Core.Bundle;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Budget;

/// <summary>The budget's stages on hand-made rankings: what goes in, at what fidelity, and what an earlier bundle lends.</summary>
public sealed class BudgetPlannerTests
{
    [Fact]
    public void Targets_first_then_files_in_rank_order_in_full_while_they_fit_and_the_rest_listed()
    {
        // Given a target and ten files of one size
        var scenario = new BudgetScenario().File("src/Target.cs", 10, target: true);
        for (var i = 0; i < 10; i++)
        {
            scenario.File($"src/F{i}.cs", 10);
        }

        // When the cap holds about half of them
        var selection = scenario.Pack(maxTokens: 1200);

        // Then the target and a prefix of the ranking are in full, a next few listed, and the cap holds
        var decisions = scenario.Ranked.Select(f => selection.Decisions[f.Path].Fidelity).ToList();
        Assert.Equal(Fidelity.Full, decisions[0]);
        var firstNotFull = decisions.FindIndex(d => d != Fidelity.Full);
        Assert.InRange(firstNotFull, 3, 9);
        Assert.All(decisions.Skip(firstNotFull), d => Assert.NotEqual(Fidelity.Full, d));
        Assert.Contains(Fidelity.Listed, decisions);
        Assert.True(selection.TotalTokens <= 1200);
        Assert.Equal(selection.TotalTokens, BudgetScenario.Tokens.Count(selection.Rendered.Text));
    }

    [Fact]
    public void A_target_larger_than_the_cap_goes_in_as_signatures_with_a_warning()
    {
        var scenario = new BudgetScenario().File("src/Huge.cs", 50, target: true).File("src/Small.cs", 2);

        var selection = scenario.Pack(maxTokens: 900);

        Assert.Equal(Fidelity.Signatures, selection.Decisions["src/Huge.cs"].Fidelity);
        Assert.Equal(["target file src/Huge.cs does not fit in full within 900 tokens; it is given as signatures."], selection.Warnings);
        Assert.True(selection.TotalTokens <= 900);
    }

    [Fact]
    public void The_edit_room_comes_off_the_top()
    {
        var scenario = new BudgetScenario().File("src/Target.cs", 10, target: true);
        for (var i = 0; i < 20; i++)
        {
            scenario.File($"src/F{i}.cs", 10);
        }

        var without = scenario.Pack(maxTokens: 3000);
        var with = scenario.Pack(maxTokens: 3000, room: 1000);

        Assert.True(with.TotalTokens <= 2000 + 100, $"{with.TotalTokens} tokens with 1000 kept free");
        Assert.True(without.TotalTokens > 2500);
    }

    [Fact]
    public void An_earlier_bundles_files_stay_in_place_while_their_blocks_are_unchanged()
    {
        // Given a bundle of a target and its neighbours
        var scenario = new BudgetScenario().File("src/Target.cs", 10, target: true);
        for (var i = 0; i < 8; i++)
        {
            scenario.File($"src/F{i}.cs", 10, distance: i % 2 == 0 ? 1 : null);
        }

        var before = scenario.Pack(maxTokens: 1500);
        var previous = BudgetScenario.Previous(before, scenario.Ranked, withSession: false);

        // When one of its files changes and the bundle is packed again with the earlier layout
        var changed = previous.Entries[1].Path;
        scenario.Write(changed, File.ReadAllText(Path.Combine(scenario.Root, changed)) + "// changed\n");
        var after = scenario.Pack(maxTokens: 1500, previous: previous);

        // Then the files before it open the new bundle in their earlier order, and it ends the kept prefix
        Assert.Equal(1, after.KeptFiles);
        Assert.Equal(previous.Entries[0].Path, after.Content.Entries.First().Path);
        Assert.True(after.TotalTokens <= 1500);
    }

    [Fact]
    public void Only_files_that_became_one_edge_from_a_target_arrive_after_an_edit()
    {
        // Given a bundle of a target and a neighbour, with room to spare, whose run knew one more neighbour (a
        // file it only listed)
        var scenario = new BudgetScenario().File("src/Target.cs", 4, target: true).File("src/Near.cs", 4, distance: 1);
        var before = scenario.Pack(maxTokens: 4000, room: 400);
        var previous = BudgetScenario.Previous(before, scenario.Ranked, withSession: true);
        previous = previous with { Neighbours = previous.Neighbours.Append("src/Known.cs").ToHashSet(StringComparer.Ordinal) };

        // When the edit makes the target use a new type, its commit ties an unrelated file to the target, and the
        // known neighbour now ranks high enough to fit
        scenario.File("src/Used.cs", 4, distance: 1).File("src/Committed.cs", 4, history: 1.0).File("src/Known.cs", 4, distance: 1);
        var (planner, _, _) = scenario.Stages();
        var split = planner.Split(scenario.Header(), scenario.Ranked, 4000, 400);

        // Then all three are volatile and a fresh plan would hold them, but only the new neighbour arrives
        var fresh = scenario.Pack(maxTokens: 4000, room: 400).Content.Entries;
        Assert.All(new[] { "src/Used.cs", "src/Committed.cs", "src/Known.cs" }, p => Assert.Contains(fresh, e => e.Path == p && e.Fidelity == Fidelity.Full));
        var arrival = Assert.Single(planner.Arrivals(split, scenario.Ranked, previous));
        Assert.Equal("src/Used.cs", arrival.File.Path);
    }

    [Fact]
    public void The_fitter_drops_the_last_added_blocks_until_the_text_is_within_the_cap()
    {
        // Given a plan that is over the cap
        var scenario = new BudgetScenario().File("src/Target.cs", 4, target: true).File("src/A.cs", 30).File("src/B.cs", 30);
        var (planner, fitter, pricer) = scenario.Stages();
        var split = planner.Split(scenario.Header(), scenario.Ranked, 5000, 0);
        var plan = planner.Plan(split, scenario.Ranked, null, []);
        var full = fitter.Fit(scenario.Header(), scenario.Ranked, plan, 5000);

        // When it is fitted to a cap below its size
        var cap = full.TotalTokens - (pricer.Tokens(plan.Chosen[^1].Entry) / 2);
        var fitted = fitter.Fit(scenario.Header(), scenario.Ranked, plan, cap);

        // Then the last block chosen went, and nothing else
        Assert.True(fitted.TotalTokens <= cap);
        Assert.Equal(Fidelity.Omitted, fitted.Decisions[plan.Chosen[^1].File.Path].Fidelity);
        Assert.Equal(plan.Chosen.Count - 1, fitted.Content.Entries.Count());
    }

    [Fact]
    public void A_cap_below_the_header_is_a_usage_error()
    {
        var scenario = new BudgetScenario().File("src/Target.cs", 4, target: true);

        var error = Assert.Throws<Core.UsageException>(() => scenario.Pack(maxTokens: 20));

        Assert.StartsWith("--max-tokens 20 cannot hold even the bundle's header", error.Message, StringComparison.Ordinal);
    }
}

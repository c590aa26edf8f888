using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Budget;

/// <summary>Repeating an earlier bundle and appending what changed, on hand-made rankings.</summary>
public sealed class EditAppenderTests
{
    [Fact]
    public void A_changed_file_is_appended_as_a_diff_after_the_earlier_bundle_repeated_byte_for_byte()
    {
        // Given a session bundle
        var scenario = Scenario();
        var before = scenario.Pack(maxTokens: 3000, room: 300);
        var session = BudgetScenario.Previous(before, scenario.Ranked, withSession: true).Session!;

        // When a file it holds changes
        var path = "src/F0.cs";
        var text = File.ReadAllText(Path.Combine(scenario.Root, path));
        scenario.Write(path, text.Replace("return x * 1;", "return x * 100;", StringComparison.Ordinal));
        var attempt = Append(scenario, session, room: 300);

        // Then
        var appended = Assert.IsType<Selection>(attempt.Selection);
        Assert.StartsWith(before.Rendered.Text[..^"</context>\n".Length], appended.Rendered.Text, StringComparison.Ordinal);
        var edits = Assert.Single(appended.Content.Segments, s => s.Kind == SegmentKind.Edits);
        var diff = Assert.Single(edits.Entries);
        Assert.Equal(Fidelity.Diff, diff.Fidelity);
        Assert.Contains("-        return x * 1;\n+        return x * 100;\n", diff.Text, StringComparison.Ordinal);
        Assert.Equal("repeated the earlier bundle and appended 1 diffs, 0 changed files in full and 0 new files", attempt.Reason);
        Assert.Equal(1, appended.AppendedEdits);
    }

    [Fact]
    public void Edits_that_outgrow_the_room_are_not_appended()
    {
        var scenario = Scenario();
        var before = scenario.Pack(maxTokens: 3000, room: 60);
        var session = BudgetScenario.Previous(before, scenario.Ranked, withSession: true).Session!;

        // one change: there is no later one to update where it stands instead
        scenario.Write("src/F0.cs", "namespace Scenario;\n\npublic sealed class F0 { /* rewritten */ public string Name { get; } = \"" + string.Join(' ', Enumerable.Repeat("a new name longer than the room", 20)) + "\"; }\n");
        var attempt = Append(scenario, session, room: 60);

        Assert.Null(attempt.Selection);
        Assert.StartsWith("its edits (", attempt.Reason, StringComparison.Ordinal);
        Assert.EndsWith("outgrew the room kept for them (60) or the cap; packed afresh", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void When_all_edits_outgrow_the_room_the_latest_changed_block_is_updated_where_it_stands()
    {
        // Given a session bundle packed afresh, whose last block is the target
        var scenario = Scenario();
        var before = scenario.Pack(maxTokens: 3000, room: 120);
        var session = BudgetScenario.Previous(before, scenario.Ranked, withSession: true).Session!;
        var first = before.Content.Entries.First(e => e.Fidelity == Fidelity.Full).Path;
        Assert.Equal("src/Target.cs", before.Content.Entries.Last(e => e.Fidelity == Fidelity.Full).Path);

        // When the first file changes a little and the target is rewritten, more than the room holds as diffs
        scenario.Write(first, File.ReadAllText(Path.Combine(scenario.Root, first)).Replace("return x * 1;", "return x * 100;", StringComparison.Ordinal));
        var rewritten = "namespace Scenario;\n\npublic sealed class Target\n{\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"    public string Rewritten{i}() => \"{i}\";\n")) + "}\n";
        scenario.Write("src/Target.cs", rewritten);
        var attempt = Append(scenario, session, room: 120);

        // Then the bundle repeats everything before the target's block, shows the target's new text there,
        // and appends only the first file's diff
        var cut = Assert.IsType<Selection>(attempt.Selection);
        var opening = before.Rendered.Text[..before.Rendered.Text.IndexOf("src/Target.cs", StringComparison.Ordinal)];
        Assert.StartsWith(opening, cut.Rendered.Text, StringComparison.Ordinal);
        Assert.Equal(rewritten, Assert.Single(cut.Content.Entries, e => e.Path == "src/Target.cs").Text);
        var diff = Assert.Single(Assert.Single(cut.Content.Segments, s => s.Kind == SegmentKind.Edits).Entries);
        Assert.Equal((first, Fidelity.Diff), (diff.Path, diff.Fidelity));
        Assert.Equal([first], cut.Views.Keys);
        Assert.Equal("repeated the earlier bundle up to src/Target.cs, updated 1 changed files where they stand and appended 1 diffs, 0 changed files in full and 0 new files", attempt.Reason);

        // And a bundle that already has edits is not cut again: its next overflow packs afresh
        var next = BudgetScenario.Previous(cut, scenario.Ranked, withSession: true).Session!;
        scenario.Write(first, File.ReadAllText(Path.Combine(scenario.Root, first)).Replace("x * 2;", "x * 200 + 1;", StringComparison.Ordinal));
        scenario.Write("src/Target.cs", rewritten.Replace("Rewritten", "AgainRewritten", StringComparison.Ordinal));
        Assert.Null(Append(scenario, next, room: 120).Selection);
    }

    [Fact]
    public void Nothing_changed_repeats_the_earlier_bundle_exactly()
    {
        var scenario = Scenario();
        var before = scenario.Pack(maxTokens: 3000, room: 300);
        var session = BudgetScenario.Previous(before, scenario.Ranked, withSession: true).Session!;

        var attempt = Append(scenario, session, room: 300);

        Assert.Equal(before.Rendered.Text, attempt.Selection!.Rendered.Text);
        Assert.Equal(0, attempt.Selection.AppendedEdits);
    }

    [Fact]
    public void Another_header_is_not_appended_to()
    {
        var scenario = Scenario();
        var before = scenario.Pack(maxTokens: 3000, room: 300);
        var session = BudgetScenario.Previous(before, scenario.Ranked, withSession: true).Session! with { Header = "another" };

        var attempt = Append(scenario, session, room: 300);

        Assert.Null(attempt.Selection);
        Assert.Equal("the header changed (projects or their references)", attempt.Reason);
    }

    private static BudgetScenario Scenario()
    {
        var scenario = new BudgetScenario().File("src/Target.cs", 6, target: true);
        for (var i = 0; i < 4; i++)
        {
            scenario.File($"src/F{i}.cs", 6, distance: 1);
        }

        return scenario;
    }

    private static AppendAttempt Append(BudgetScenario scenario, PreviousBundle.State session, int room)
    {
        var (planner, fitter, pricer) = scenario.Stages();
        var split = planner.Split(scenario.Header(), scenario.Ranked, 3000, room);
        var header = scenario.Header();
        return new EditAppender(pricer, fitter).Append(header, scenario.Renderer.Begin(header), scenario.Ranked, session, [], split);
    }
}

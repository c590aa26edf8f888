using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Files on disk and a ranking of them made by hand, for unit tests of the budget's stages: no solution is
/// loaded and nothing is bound. Files are ranked in the order added; a target's distance is 0, a neighbour's 1.
/// </summary>
internal sealed class BudgetScenario
{
    private static readonly TokenCounter Counter = TokenCounter.Create("o200k_base");

    private readonly List<RankedFile> ranked = [];

    public BudgetScenario() => Root = TempFolder.Create();

    public string Root { get; }

    public IReadOnlyList<RankedFile> Ranked => ranked;

    public IBundleRenderer Renderer { get; } = RendererFactory.For(Core.Configuration.BundleFormat.Xml, 1024);

    public static TokenCounter Tokens => Counter;

    /// <summary>Adds a C# file of a class with <paramref name="members"/> methods of four lines each, ranked after the ones before.</summary>
    /// <param name="history">Its co-change with the targets (history makes a file volatile as a neighbour does).</param>
    public BudgetScenario File(string path, int members, bool target = false, int? distance = null, double history = 0)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var bodies = string.Concat(Enumerable.Range(0, members).Select(i => $"    public int Member{i}(int x)\n    {{\n        return x * {i + 1};\n    }}\n\n"));
        Write(path, $"namespace Scenario;\n\npublic sealed class {name}\n{{\n{bodies}}}\n");
        var rank = ranked.Count + 1;
        ranked.Add(new RankedFile(path, "App", rank, Math.Round(1.0 / rank, 6), target, target ? "target" : "test", new Signals { History = history }, target ? 0 : distance));
        return this;
    }

    /// <summary>Replaces a file's text.</summary>
    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
    }

    public BundleHeader Header() => new("App.sln", [], [new ResolvedTarget("target", TargetKind.File, ranked.Where(f => f.IsTarget).Select(f => f.Path).ToList())]);

    /// <summary>The budget's parts over these files (fresh, so that nothing is remembered between packs).</summary>
    public (BudgetPlanner Planner, BundleFitter Fitter, BlockPricer Pricer) Stages()
    {
        var pricer = new BlockPricer(Renderer, Counter, new FileTexts(Root));
        var fitter = new BundleFitter(Renderer, Counter, pricer, git: null);
        return (new BudgetPlanner(pricer, fitter, git: null), fitter, pricer);
    }

    /// <summary>Plans and fits afresh.</summary>
    public Selection Pack(int maxTokens, int room = 0, PreviousBundle? previous = null)
    {
        var (planner, fitter, _) = Stages();
        var split = planner.Split(Header(), Ranked, maxTokens, room);
        var arrivals = previous is null ? [] : planner.Arrivals(split, Ranked, previous);
        return fitter.Fit(Header(), Ranked, planner.Plan(split, Ranked, previous, arrivals), maxTokens);
    }

    /// <summary>The layout a later run would read from this selection's manifest.</summary>
    public static PreviousBundle Previous(Selection selection, IReadOnlyList<RankedFile> ranked, bool withSession)
    {
        var placed = selection.Content.Segments
            .SelectMany(s => s.Entries.Select(e => (Segment: s.Kind, Entry: e)))
            .Where(x => x.Entry.Fidelity is Fidelity.Full or Fidelity.Signatures && x.Segment is SegmentKind.Stable or SegmentKind.Volatile)
            .Select(x => new PreviousBundle.Entry(x.Entry.Path, x.Entry.Fidelity, x.Segment, x.Entry.Hash))
            .ToList();
        var held = selection.Content.Entries.Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var depth = ranked.Where(f => placed.Exists(p => p.Path == f.Path)).Select(f => f.Rank).DefaultIfEmpty(0).Max();
        var session = withSession
            ? new PreviousBundle.State(
                Core.Text.ContentHash.Of(RendererFactory.For(Core.Configuration.BundleFormat.Xml, 1024).Begin(new BundleHeader("App.sln", [], selection.Content.Header.Targets))),
                selection.Content.Segments.Where(s => s.Entries.Count > 0).ToList(),
                selection.Content.Entries.Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures).DistinctBy(e => e.Path).ToDictionary(e => e.Path, e => (string?)e.Text, StringComparer.Ordinal))
            : null;
        var neighbours = ranked.Where(f => f.Distance == 1).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return new PreviousBundle(placed, depth, held, neighbours, session);
    }
}

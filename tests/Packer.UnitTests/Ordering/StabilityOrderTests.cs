using Packer.Core.Bundle;
using Packer.Core.Ordering;
using Packer.Core.Ranking;

namespace Packer.Tests.Ordering;

/// <summary>Where chosen files go: segments by how likely they are to change, the least relevant first in each.</summary>
public sealed class StabilityOrderTests
{
    [Fact]
    public void Stable_files_then_volatile_ones_each_least_relevant_first_then_listed_paths_then_the_targets_by_path()
    {
        // Given
        var chosen = new[]
        {
            Choice("src/B.cs", score: 0.9, target: true),
            Choice("src/A.cs", score: 0.9, target: true),
            Choice("src/Near1.cs", score: 0.5, distance: 1),
            Choice("src/Near2.cs", score: 0.2, distance: 1),
            Choice("src/Far1.cs", score: 0.3, distance: 2),
            Choice("src/Far2.cs", score: 0.1, distance: null),
            Choice("src/Listed.cs", 0.05, false, null, Fidelity.Listed),
        };

        // When
        var segments = StabilityOrder.Arrange(chosen, git: null, kept: []);

        // Then
        Assert.Equal([SegmentKind.Stable, SegmentKind.Volatile, SegmentKind.Targets], segments.Select(s => s.Kind));
        Assert.Equal(["src/Far2.cs", "src/Far1.cs"], Paths(segments[0]));
        Assert.Equal(["src/Near2.cs", "src/Near1.cs", "src/Listed.cs"], Paths(segments[1]));
        Assert.Equal(["src/A.cs", "src/B.cs"], Paths(segments[2]));
    }

    [Fact]
    public void Kept_files_come_first_in_their_earlier_order_and_segments()
    {
        // Given two files kept from an earlier bundle, the second of them earlier in the volatile segment
        var chosen = new[] { Choice("src/T.cs", 1, target: true), Choice("src/X.cs", 0.8, distance: 2), Choice("src/Y.cs", 0.7, distance: 2), Choice("src/Z.cs", 0.6, distance: 2) };
        PreviousBundle.Entry Kept(string path, SegmentKind segment) => new(path, Fidelity.Full, segment, "hash");

        // When
        var segments = StabilityOrder.Arrange(chosen, git: null, kept: [Kept("src/Y.cs", SegmentKind.Stable), Kept("src/X.cs", SegmentKind.Volatile)]);

        // Then the fresh stable file follows them, in the volatile segment (the stable one is closed)
        Assert.Equal(["src/Y.cs"], Paths(segments[0]));
        Assert.Equal(["src/X.cs", "src/Z.cs"], Paths(segments[1]));
    }

    private static (RankedFile File, BundleEntry Entry) Choice(string path, double score, bool target = false, int? distance = null, Fidelity fidelity = Fidelity.Full) =>
        (new RankedFile(path, "App", 0, score, target, "test", new Signals(), target ? 0 : distance),
         new BundleEntry(path, "App", fidelity, fidelity == Fidelity.Listed ? string.Empty : "class X;\n"));

    private static IEnumerable<string> Paths(BundleSegment segment) => segment.Entries.Select(e => e.Path);
}

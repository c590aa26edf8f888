using Packer.Core.Configuration;
using Packer.Core.Module;
using Packer.Core.Targeting;

namespace Packer.Tests.Module;

/// <summary>The ranking inside targets larger than the cap: the most used types first.</summary>
public sealed class WithinTargetRankingTests
{
    [Fact]
    public void Files_whose_types_more_files_name_come_first_and_interfaces_a_little_higher()
    {
        // Given
        var files = new[]
        {
            File("m/Widget.cs", mentions: 3, tokens: 400),
            File("m/User.cs", mentions: 300, tokens: 400),
            File("m/IUserRepository.cs", mentions: 120, tokens: 400, isInterface: true),
            File("m/UserRepository.cs", mentions: 120, tokens: 400),
            File("m/Unused.cs", mentions: 0, tokens: 400),
        };

        // When
        var order = WithinTargetRanking.Order([Target("m", files)], ById(files), new Dictionary<string, double>());

        // Then
        Assert.Equal(["m/User.cs", "m/IUserRepository.cs", "m/UserRepository.cs", "m/Widget.cs", "m/Unused.cs"], order.Select(o => o.Path));
    }

    [Fact]
    public void Use_by_the_bound_central_files_lifts_a_file_the_names_undersell()
    {
        // Given two alike files, one used by several bound files (an extension class, whose name nobody spells)
        var files = new[] { File("m/A.cs", mentions: 10, tokens: 500), File("m/Extensions.cs", mentions: 10, tokens: 500) };
        var used = new Dictionary<string, double> { ["m/Extensions.cs"] = 6 };

        // When
        var order = WithinTargetRanking.Order([Target("m", files)], ById(files), used);

        // Then
        Assert.Equal(["m/Extensions.cs", "m/A.cs"], order.Select(o => o.Path));
    }

    [Fact]
    public void Several_targets_take_turns_so_a_small_one_is_not_crowded_out()
    {
        // Given a project of well-used files and a file target nobody uses
        var project = new[] { File("p/A.cs", 50, 100), File("p/B.cs", 40, 100), File("p/C.cs", 30, 100) };
        var lone = new[] { File("q/Lone.cs", 0, 100) };

        // When
        var order = WithinTargetRanking.Order([Target("p", project), Target("q/Lone.cs", lone)], ById([.. project, .. lone]), new Dictionary<string, double>());

        // Then
        Assert.Equal(["p/A.cs", "q/Lone.cs", "p/B.cs", "p/C.cs"], order.Select(o => o.Path));
    }

    [Fact]
    public void Of_two_files_named_as_often_the_smaller_comes_first()
    {
        var files = new[] { File("m/Large.cs", 50, 5000), File("m/Small.cs", 50, 200) };

        var order = WithinTargetRanking.Order([Target("m", files)], ById(files), new Dictionary<string, double>());

        Assert.Equal(["m/Small.cs", "m/Large.cs"], order.Select(o => o.Path));
    }

    [Fact]
    public void Alike_files_are_ordered_by_path()
    {
        var files = new[] { File("m/B.cs", 5, 100), File("m/A.cs", 5, 100), File("m/C.cs", 5, 100) };

        var order = WithinTargetRanking.Order([Target("m", files)], ById(files), new Dictionary<string, double>());

        Assert.Equal(["m/A.cs", "m/B.cs", "m/C.cs"], order.Select(o => o.Path));
    }

    private static FileCentrality File(string path, double mentions, int tokens, bool isInterface = false) =>
        new(path, mentions, (int)mentions, 0, isInterface, false, tokens, []);

    private static ResolvedTarget Target(string spec, IEnumerable<FileCentrality> files) =>
        new(spec, TargetKind.Project, [.. files.Select(f => f.Path).Order(StringComparer.Ordinal)]);

    private static Dictionary<string, FileCentrality> ById(IEnumerable<FileCentrality> files) => files.ToDictionary(f => f.Path, StringComparer.Ordinal);
}

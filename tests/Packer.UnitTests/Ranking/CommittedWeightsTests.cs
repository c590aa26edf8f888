using System.Globalization;
using Packer.Core.Ranking;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Ranking;

/// <summary>
/// The ranking's weights are fitted, not chosen: <c>bench/fit.py weights</c>, run on the committed recorded features
/// of the tuning cases (<c>bench/recorded/model-features.tsv.gz</c>), printed <c>bench/recorded/model-weights.txt</c>
/// (CI runs the script again and checks it prints that file), and that file holds every constant of
/// <see cref="RankingWeights"/>' model. Editing a constant by hand fails this test; editing the file or the data
/// fails CI. The test itself needs no Python.
/// </summary>
public sealed class CommittedWeightsTests
{
    [Fact]
    public void The_committed_weights_are_what_the_fitting_script_produced_from_the_committed_features()
    {
        // Given what the fitting script printed from the features it fitted on
        var printed = File.ReadAllLines(Path.Combine(Fixtures.RepositoryRoot, "bench", "recorded", "model-weights.txt"));

        // When read as it prints them
        var fitted = printed
            .Where(line => line.Length > 0)
            .Select(line => line.Split(" = "))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));

        // Then every weight it printed is RankingWeights' default, to the four decimals it prints
        var weights = new RankingWeights();
        Assert.Equal(weights.Features.Count + 2, fitted.Count);
        foreach (var (name, value) in fitted)
        {
            var committed = name switch
            {
                nameof(RankingWeights.Bias) => weights.Bias,
                nameof(RankingWeights.SizeExponent) => weights.SizeExponent,
                _ => weights.Features.TryGetValue(name, out var w) ? w : throw new InvalidOperationException($"fit.py printed {name}, which RankingWeights.Features does not have"),
            };
            Assert.True(Math.Abs(committed - value) < 5e-5, $"{name}: committed {committed}, fitted {value}");
        }
    }
}

using System.Globalization;
using Packer.Core.Ranking;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Ranking;

/// <summary>
/// The ranking's weights are fitted, not chosen: <c>bench/fit.py weights</c>, run on the committed recorded features
/// of the tuning cases (<c>bench/recorded/model-features.tsv.gz</c>), prints every constant of
/// <see cref="RankingWeights"/>' model. Editing a constant by hand, or the data, fails this test.
/// </summary>
public sealed class CommittedWeightsTests
{
    [Fact]
    public async Task The_committed_weights_are_what_the_fitting_script_produces_from_the_committed_features()
    {
        // Given the fitting script and the features it fitted on
        var bench = Path.Combine(Fixtures.RepositoryRoot, "bench");

        // When it fits them again
        var result = await ProcessResult.RunCheckedAsync(
            "python3", [Path.Combine(bench, "fit.py"), "weights", "--recorded", Path.Combine(bench, "recorded", "model-features.tsv.gz")], bench);

        // Then every weight it prints is RankingWeights' default, to the four decimals it prints
        var fitted = result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(" = "))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
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

using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Packer.Tests.Infrastructure.LongestFirst", "Packer.Tests")]

namespace Packer.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first, so that the run does not end with one of them alone on a
/// core while the other is idle (they run two at a time on this 2-core machine). The names are those of the
/// slowest collections in a run's test results (dotnet test --logger trx), longest first; the rest follow by name.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Slowest =
    [
        PackageCopiesCollection.Name,
        PackageBuildCollection.Name,
        "Test collection for Packer.Tests.EndToEnd.InstalledToolTests",
        "Test collection for Packer.Tests.EndToEnd.AgentSetupTests",
        MsBuildCollection.Name,
        "Test collection for Packer.Tests.EndToEnd.SessionTests",
        "Test collection for Packer.Tests.Safety.InputSafetyTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Slowest, c.DisplayName) is var i and >= 0 ? i : Slowest.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Packer.Core.Caching;
using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Loading;

namespace Packer.Tests.Caching;

/// <summary>The cache file on its own: every field survives a round trip, and a damaged file never reads.</summary>
public sealed class CacheFormatTests
{
    [Fact]
    public void Every_field_survives_a_round_trip_and_writing_again_gives_the_same_bytes()
    {
        // Given
        var bytes = CacheFormat.Write(Sample());

        // When
        var read = CacheFormat.Read(bytes);

        // Then
        Assert.Equal(bytes, CacheFormat.Write(read));
        Assert.Equal("settings", read.Settings);
        Assert.Equal(["Shop.Domain.Orders.Money"], read.Files["src/Money.cs"].Syntax.Types);
        Assert.Equal(3, read.Files["src/Order.cs"].Facts![0].Count);
        Assert.Null(read.Files["src/Money.cs"].Facts);
        Assert.Equal(120, read.Files["src/Money.cs"].Syntax.Length);
        Assert.Equal(LanguageVersion.CSharp12, read.Snapshot.Projects[0].LanguageVersion);
        Assert.Equal([1, 2, 3], read.Snapshot.Projects[0].StrongName.PublicKey);
        Assert.Equal(1_700_000_000, read.History!.LastChange["src/Order.cs"]);
        Assert.Equal(42, read.TokenCounts["k"]);
        Assert.Equal("public sealed class Money;\n", read.Signatures["s"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100)]
    public void A_truncated_or_altered_file_is_invalid_data(int cut)
    {
        var bytes = CacheFormat.Write(Sample());
        var truncated = bytes[..(bytes.Length - 1 - cut)];
        var altered = bytes.ToArray();
        altered[cut] ^= 0x01;

        Assert.Throws<InvalidDataException>(() => CacheFormat.Read(truncated));
        Assert.Throws<InvalidDataException>(() => CacheFormat.Read(altered));
    }

    private static AnalysisCache Sample()
    {
        var project = new ProjectSnapshot(
            "Shop.Domain", "Shop.Domain", "/repo/src/Shop.Domain.csproj", OutputKind.DynamicallyLinkedLibrary, AllowUnsafe: true, NullableContextOptions.Enable,
            LanguageVersion.CSharp12, DocumentationMode.Parse, new StrongNameSnapshot("key.snk", [1, 2, 3], PublicSign: false, DelaySign: true),
            ["DEBUG"], ["/repo/src/Money.cs", "/repo/src/Order.cs"], [new ReferenceSnapshot("/ref/System.Runtime.dll", ["global"])], [], [new GeneratedText("/repo/obj/GlobalUsings.g.cs", "global using System;\n")]);
        var snapshot = new SolutionSnapshot(
            "Shop.sln", [project], [new ProjectNode("Shop.Domain", "src/Shop.Domain.csproj", [])],
            [new FileSnapshot("src/Money.cs", "Shop.Domain", 0, 0), new FileSnapshot("src/Order.cs", "Shop.Domain", 0, 1)], ["a warning"]);
        var money = new FileSyntax("src/Money.cs", NameCounts.From(new Dictionary<string, int> { ["Money"] = 2 }), ["Money"], ["Shop.Domain.Orders.Money"], ["Shop.Domain.Orders"], Length: 120);
        var order = new FileSyntax("src/Order.cs", NameCounts.From(new Dictionary<string, int> { ["Order"] = 1, ["Money"] = 3 }), ["Order"], ["Shop.Domain.Orders.Order"], ["Shop.Domain.Orders"]);
        return new AnalysisCache(
            "settings",
            "/repo",
            new Dictionary<string, string> { ["/repo/Shop.sln"] = "abc" },
            "digest",
            snapshot,
            new Dictionary<string, CachedFile>
            {
                ["src/Money.cs"] = new("h1", money, null),
                ["src/Order.cs"] = new("h2", order, [new UsageFact("Money", "Money", 3, ["src/Money.cs"], IsBase: false)]),
            },
            new Dictionary<string, int> { ["k"] = 42 },
            new Dictionary<string, string> { ["s"] = "public sealed class Money;\n" },
            new GitLog("head", new Dictionary<string, long> { ["src/Order.cs"] = 1_700_000_000 }, [["src/Order.cs", "src/Money.cs"]]));
    }
}

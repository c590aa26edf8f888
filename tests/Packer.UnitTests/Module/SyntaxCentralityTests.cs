using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.Module;
using Packer.Core.Targeting;

namespace Packer.Tests.Module;

/// <summary>Centrality and narrowing read from syntax alone, on a hand-made index.</summary>
public sealed class SyntaxCentralityTests
{
    private static readonly SyntaxIndex Index = new(
    [
        Syntax("src/Core/Entities/User.cs", "Bit.Core.Entities", ["User", "User.Settings"], "User", "Settings"),
        Syntax("src/Core/Billing/Plan.cs", "Bit.Core.Billing", ["Plan"], "Plan", "User"),
        Syntax("src/Core/Billing/Invoice.cs", "Bit.Core.Billing", ["Invoice"], "Invoice", "User", "Plan"),
        Syntax("src/Core/Billing/Tax/Rate.cs", "Bit.Core.Billing.Tax", ["Rate"], "Rate", "Plan"),
        Syntax("src/Core/Vault/ICipherService.cs", "Bit.Core.Vault", ["ICipherService"], "ICipherService", "User"),
        Syntax("src/Core/Shims/Json.cs", "Microsoft.Extensions.Shims", ["Json"], "Json"),
        Syntax("src/Api/UsersController.cs", "Bit.Api", ["UsersController"], "UsersController", "User", "ICipherService"),
        Syntax("src/Infrastructure/Models/User.cs", "Bit.Infrastructure.Models", ["User"], "User"),
    ]);

    private static readonly string[] Core =
    [
        "src/Core/Billing/Invoice.cs", "src/Core/Billing/Plan.cs", "src/Core/Billing/Tax/Rate.cs", "src/Core/Entities/User.cs",
        "src/Core/Shims/Json.cs", "src/Core/Vault/ICipherService.cs",
    ];

    [Fact]
    public void Counts_the_files_that_name_a_files_types_shared_among_the_files_declaring_each_name()
    {
        // When
        var centrality = Measure();

        // Then User is named by 5 other files (the other User.cs among them), shared with that other declaration,
        // and its nested type is named by none; 3 of those files are targets
        var user = centrality["src/Core/Entities/User.cs"];
        Assert.Equal(2.5, user.Mentions);
        Assert.Equal((3, 2), (user.Inside, user.Outside));
        Assert.Equal(["User"], user.Types.Select(t => t.Name));
        Assert.Equal(2.0, centrality["src/Core/Billing/Plan.cs"].Mentions);
        Assert.True(centrality["src/Core/Vault/ICipherService.cs"].Interface);
        Assert.Equal(0.0, centrality["src/Core/Shims/Json.cs"].Mentions);
    }

    [Fact]
    public void Suggests_the_namespaces_below_the_one_most_files_share_largest_first()
    {
        // Given
        var centrality = Measure();
        var target = new ResolvedTarget("Core", TargetKind.Project, Core);

        // When
        var narrower = Narrowing.Suggest([target], Index, centrality, 8);

        // Then the one file in a Microsoft namespace does not hide that the rest lie in Bit.Core, whose branches are given
        Assert.Equal(["namespace:Bit.Core.Billing", "namespace:Bit.Core.Entities", "namespace:Bit.Core.Vault", "namespace:Microsoft"], narrower.Select(n => n.Spec));
        Assert.Equal(3, narrower[0].Files);
        Assert.Equal(300, narrower[0].ApproxTokens);
    }

    [Fact]
    public void Suggests_subfolders_for_a_folder_target()
    {
        var centrality = Measure();
        var target = new ResolvedTarget("src/Core/Billing", TargetKind.Folder, ["src/Core/Billing/Invoice.cs", "src/Core/Billing/Plan.cs", "src/Core/Billing/Tax/Rate.cs"]);

        var narrower = Narrowing.Suggest([target], Index, centrality, 8);

        Assert.Equal(["folder:src/Core/Billing/Tax"], narrower.Select(n => n.Spec));
    }

    private static IReadOnlyDictionary<string, FileCentrality> Measure() => SyntaxCentrality.Measure(
        Index, [.. Core.Concat(["src/Api/UsersController.cs", "src/Infrastructure/Models/User.cs"]).Order(StringComparer.Ordinal)], Core, _ => 400);

    private static FileSyntax Syntax(string path, string ns, string[] types, params string[] identifiers) => new(
        path,
        NameCounts.From(identifiers.ToDictionary(i => i, _ => 1, StringComparer.Ordinal)),
        [.. types.Select(t => t[(t.LastIndexOf('.') + 1)..]).Order(StringComparer.Ordinal)],
        [.. types.Select(t => ns + "." + t).Order(StringComparer.Ordinal)],
        [ns]);
}

using Packer.Core.Graph;

namespace Packer.Tests.Graph;

/// <summary>Entity Framework's migrations are told by their path, without reading them.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData("src/Infrastructure/Migrations/20240606152409_ProviderInvoiceItem.cs", true)]
    [InlineData("util/MySqlMigrations/Migrations/20240606152409_ProviderInvoiceItem.Designer.cs", true)]
    [InlineData("src/Infrastructure/Data/Migrations/CatalogContextModelSnapshot.cs", true)]
    [InlineData("Migrations/Sub/20190101000000_Init.cs", true)]
    [InlineData("src/Infrastructure/Migrations/MigrationRunner.cs", false)]
    [InlineData("src/App/20240606152409_Notes.cs", false)]
    [InlineData("src/NotMigrations/20240606152409_Init.cs", false)]
    [InlineData("src/Spectre.Console/Emoji.Generated.cs", false)]
    public void Entity_framework_migrations_are_told_by_their_path(string path, bool migration) =>
        Assert.Equal(migration, Migrations.Is(path));
}

using Packer.Core;
using Packer.Core.Output;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Output;

public sealed class AtomicFileTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Leaves_a_file_that_holds_the_same_bytes_untouched()
    {
        // Given
        var path = Path.Combine(TempFolder.Create(), "context.xml");
        AtomicFile.WriteAllText(path, "<context/>\n");
        File.SetLastWriteTimeUtc(path, LongAgo);

        // When
        var written = AtomicFile.WriteAllText(path, "<context/>\n");

        // Then
        Assert.False(written);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData("<context/>\n", "<context />\n")]
    [InlineData("<context/>\n", "<context/>\n\n")]
    public void Replaces_a_file_whose_bytes_differ(string before, string after)
    {
        // Given
        var path = Path.Combine(TempFolder.Create(), "out", "context.xml");
        AtomicFile.WriteAllText(path, before);
        File.SetLastWriteTimeUtc(path, LongAgo);

        // When
        var written = AtomicFile.WriteAllText(path, after);

        // Then
        Assert.True(written);
        Assert.Equal(after, File.ReadAllText(path));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Files_written_together_replace_only_what_changed()
    {
        // Given a bundle that will not change and a manifest that will
        var folder = TempFolder.Create();
        var bundle = Path.Combine(folder, "context.xml");
        var manifest = Path.Combine(folder, "context.json");
        AtomicFile.WriteAllText(bundle, "<context/>\n");
        AtomicFile.WriteAllText(manifest, "{}\n");
        File.SetLastWriteTimeUtc(bundle, LongAgo);

        // When
        var written = AtomicFile.Commit([(bundle, "<context/>\n"u8.ToArray()), (manifest, "{ }\n"u8.ToArray())]);

        // Then
        Assert.Equal(1, written);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(bundle));
        Assert.Equal("{ }\n", File.ReadAllText(manifest));
        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void When_one_of_the_files_cannot_be_replaced_none_is()
    {
        // Given a bundle, and a manifest path that is a folder (a rename onto it fails)
        var folder = TempFolder.Create();
        var bundle = Path.Combine(folder, "context.xml");
        var manifest = Path.Combine(folder, "context.json");
        AtomicFile.WriteAllText(bundle, "<old/>\n");
        Directory.CreateDirectory(manifest);

        // When
        var failure = Record.Exception(() => AtomicFile.Commit([(bundle, "<new/>\n"u8.ToArray()), (manifest, "{}\n"u8.ToArray())]));

        // Then the bundle is the old one, and no temporary file is left
        Assert.True(FileAccessException.Covers(failure!), failure?.ToString());
        Assert.Equal("<old/>\n", File.ReadAllText(bundle));
        Assert.Equal([bundle], Directory.GetFiles(folder));
    }
}

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
}

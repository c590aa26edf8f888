using System.Text;
using Microsoft.CodeAnalysis.Text;
using Packer.Core.Budget;
using Packer.Core.Text;

namespace Packer.Tests.Text;

public sealed class ShownLengthTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("packer-length-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("class A { }\n")]
    [InlineData("class A { }")]
    [InlineData("class A\r\n{\r\n}\r\n")]
    [InlineData("class A\r{\r}")]
    [InlineData("a\r\n\r\nb\n\rc")]
    [InlineData("a\u0085b\u2028c\u2029d\fe")]
    [InlineData("ends with a form feed\f")]
    [InlineData("\r")]
    [InlineData("")]
    [InlineData("// é ü 漢字 😀\r\nclass Ä { }")]
    public void The_length_the_index_records_is_the_length_of_the_text_a_bundle_shows(string text)
    {
        // Given the file on disk, with and without a byte order mark
        foreach (var bom in new[] { false, true })
        {
            var path = bom ? "WithBom.cs" : "Plain.cs";
            File.WriteAllText(Path.Combine(root, path), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));

            // When the compiler's text of it is measured
            using var stream = File.OpenRead(Path.Combine(root, path));
            var measured = ShownLength.Of(SourceText.From(stream));

            // Then it is what the bundle's reader makes of the same file
            Assert.Equal(new FileTexts(root).Length(path), measured);
        }
    }

    [Fact]
    public void A_large_text_is_measured_the_same_with_a_line_end_across_each_chunk_it_is_read_in()
    {
        // Given a text of over 100,000 characters (the compiler keeps it in chunks) whose CR LFs straddle each 4,096th character
        var text = new StringBuilder();
        for (var chunk = 1; text.Length < 100_000; chunk++)
        {
            text.Append('a', (chunk * 4_096) - 1 - text.Length).Append("\r\n");
        }

        File.WriteAllText(Path.Combine(root, "Large.cs"), text.ToString());

        // When it is measured as read from disk and as one string
        using var stream = File.OpenRead(Path.Combine(root, "Large.cs"));
        var measured = ShownLength.Of(SourceText.From(stream));

        // Then both are what the bundle's reader makes of it
        Assert.Equal(new FileTexts(root).Length("Large.cs"), measured);
        Assert.Equal(measured, ShownLength.Of(text.ToString()));
    }
}

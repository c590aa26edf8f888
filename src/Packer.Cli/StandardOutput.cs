using Packer.Core;

namespace Packer.Cli;

/// <summary>Writes what a command prints to standard output as UTF-8 (no BOM); a full disk or a closed pipe there is one line naming it.</summary>
internal static class StandardOutput
{
    private static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> and flushes it.</summary>
    /// <exception cref="FileAccessException">Standard output could not be written.</exception>
    public static async Task WriteAsync(string text)
    {
        try
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(Utf8NoBom.GetBytes(text));
            await stdout.FlushAsync();
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw new FileAccessException($"standard output could not be written ({e.Message}).", e);
        }
    }
}

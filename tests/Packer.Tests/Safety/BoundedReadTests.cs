using Packer.Core;
using Packer.Core.Bundle;
using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Text;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// A file with a size limit is read up to the limit and one byte more, never further, whatever length it states:
/// a link to <c>/dev/zero</c> or <c>/dev/full</c> (length 0, no end), or a pipe, used to be read until memory ran out.
/// Each refusal names the file and the limit.
/// </summary>
public sealed class BoundedReadTests
{
    private const string Zero = "/dev/zero";
    private const string Full = "/dev/full";

    [Fact]
    public async Task A_device_that_never_ends_is_read_up_to_the_limit_only()
    {
        if (!File.Exists(Zero))
        {
            return; // no such device on this machine
        }

        var bytes = await Bounded.RunAsync(() => BoundedFile.TryReadAllBytes(Zero, 1024 * 1024));
        var error = await Bounded.RunAsync(() => Assert.Throws<FileTooLargeException>(() => BoundedFile.ReadAllBytes(Zero, 1024 * 1024)));
        var hash = await Bounded.RunAsync(() => ContentHash.OfFile(Full));

        Assert.Null(bytes);
        Assert.Equal("/dev/zero: larger than 1 MiB, the most this tool reads of it", error.Message);
        Assert.Equal(ContentHash.TooLarge, hash);
    }

    [Fact]
    public async Task A_pipe_is_read_up_to_the_limit_only()
    {
        // Given a FIFO that a writer fills with more than the limit
        var folder = TempFolder.Create();
        var fifo = Path.Combine(folder, "fifo");
        var made = await ProcessResult.RunAsync("mkfifo", [fifo], folder);
        if (made.ExitCode != 0)
        {
            return; // no FIFOs on this machine
        }

        var writer = ProcessResult.RunAsync("sh", ["-c", $"head -c 3000000 /dev/zero > '{fifo}'"], folder);

        // When
        var bytes = await Bounded.RunAsync(() => BoundedFile.TryReadAllBytes(fifo, 1024 * 1024));

        // Then
        Assert.Null(bytes);
        await writer; // it ends when the reader closes the pipe
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81_920)]
    [InlineData(200_000)]
    public void A_regular_file_reads_whole_up_to_the_limit_and_not_past_it(int length)
    {
        var path = Path.Combine(TempFolder.Create(), "data.bin");
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(path, data);

        Assert.Equal(data, BoundedFile.TryReadAllBytes(path, length));
        Assert.Equal(data, BoundedFile.TryReadAllBytes(path, length + 100_000));
        Assert.True(length == 0 || BoundedFile.TryReadAllBytes(path, length - 1) is null);
    }

    [Theory]
    [InlineData(Zero)]
    [InlineData(Full)]
    public async Task A_packer_yaml_linked_to_a_device_is_a_usage_error_naming_the_file_and_the_limit(string device)
    {
        if (!File.Exists(device))
        {
            return;
        }

        var path = Path.Combine(TempFolder.Create(), "packer.yaml");
        File.CreateSymbolicLink(path, device);

        var error = await Bounded.RunAsync(() => Assert.Throws<UsageException>(() => ConfigLoader.Load(path)));

        Assert.Equal(DiagnosticCodes.ConfigTooLarge, error.Code);
        Assert.StartsWith($"{path}: larger than 1 MiB, the most read of a config file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_previous_manifest_that_is_a_device_is_a_warning_and_not_read()
    {
        if (!File.Exists(Full))
        {
            return;
        }

        var options = new PackOptions { SolutionPath = "App.sln", Targets = [TargetSpec.Parse("App")] };
        var read = await Bounded.RunAsync(() => PreviousManifest.Read(Full, options, "App.sln", []));

        Assert.Equal(PreviousUse.Unreadable, read.Outcome.Use);
        Assert.Contains("/dev/full could not be read (it is larger than 256 MiB)", read.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cache_file_linked_to_a_device_is_a_cold_start()
    {
        if (!File.Exists(Full))
        {
            return;
        }

        // Given the cache file of a solution is a link to /dev/full
        var root = TempFolder.Create();
        var solution = Path.Combine(root, "App.slnx");
        File.WriteAllText(solution, "<Solution />\n");
        var filter = new FileFilter([], []);
        var cache = new SolutionCache(Path.Combine(root, "cache"), solution, filter, focus: null, configFile: null);
        Directory.CreateDirectory(Path.GetDirectoryName(cache.FilePath)!);
        File.CreateSymbolicLink(cache.FilePath, Full);

        // When
        var lookup = await Bounded.RunAsync(() => cache.TryReuse(filter));

        // Then
        Assert.Null(lookup.Warm);
        Assert.Contains("larger than 256 MiB, the most this tool reads of it", lookup.Outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_global_json_linked_to_a_device_pins_nothing()
    {
        if (!File.Exists(Full))
        {
            return;
        }

        var folder = TempFolder.Create();
        File.CreateSymbolicLink(Path.Combine(folder, "global.json"), Full);

        var unmet = await Bounded.RunAsync(() => GlobalJsonPin.Unmet(folder, () => [new Version(10, 0, 100)]));

        Assert.Null(unmet);
    }
}

using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Output;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Diagnostics;

public sealed class ErrorCodesTests
{
    [Fact]
    public void An_output_that_must_not_be_written_is_refused_with_its_code()
    {
        // Given an output path that is a folder
        var root = TempFolder.Create();
        var folder = Directory.CreateDirectory(Path.Combine(root, "out")).FullName;

        // When
        var error = Assert.Throws<UsageException>(() => OutputGuard.Check([new OutputFile(folder, OutputKind.Bundle, "-o")], root, force: false));

        // Then
        Assert.Equal(DiagnosticCodes.OutputRefused, error.Code);
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    [Fact]
    public void A_config_file_too_large_to_be_one_has_its_code()
    {
        var path = Path.Combine(TempFolder.Create(), "packer.yaml");
        File.WriteAllText(path, "# " + new string('x', ConfigLoader.MaxFileBytes) + "\n");

        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(path));

        Assert.Equal(DiagnosticCodes.ConfigTooLarge, error.Code);
    }

    [Fact]
    public void A_file_system_failure_has_its_code_and_exit_code()
    {
        var error = FileAccessException.From(new UnauthorizedAccessException("Access to the path is denied."), "/repo/out/context.xml");

        Assert.Equal(DiagnosticCodes.FileAccess, error.Code);
        Assert.Equal(ExitCodes.Failure, error.ExitCode);
        Assert.Null(error.Location);
        Assert.Equal("/repo/out/context.xml: Access to the path is denied.", error.Message);
    }
}

using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Module;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Diagnostics;

public sealed class WarningCodesTests
{
    [Theory]
    [InlineData("Msbuild failed when processing the file 'src/A/A.csproj' with message: The SDK 'No.Such' specified could not be found.", DiagnosticCodes.ProjectLoad)]
    [InlineData("2 project(s) could not be evaluated by MSBuild (src/A/A.csproj, src/B/B.csproj); they were read from their project files.", DiagnosticCodes.ProjectLoad)]
    [InlineData("MSBuild could not evaluate App.sln (global.json pins 9.0.100); its project files were read directly instead (default globs, Compile and ProjectReference items, no conditions).", DiagnosticCodes.SolutionReadDirectly)]
    [InlineData("the SDK that global.json asks for is not installed (Requested SDK version: 8.0.100); loading with SDK 10.0.401 instead.", DiagnosticCodes.SdkMismatch)]
    [InlineData("skipped F# project Shop.Scripts: only C# is analysed.", DiagnosticCodes.NotCSharp)]
    [InlineData("skipped project src/Scripts/Scripts.fsproj: only C# is analysed.", DiagnosticCodes.NotCSharp)]
    [InlineData("1 project(s) had no framework references (not restored?); bound against the installed SDK's reference assemblies.", DiagnosticCodes.NotRestored)]
    [InlineData("samples/Demo.cs is not compiled by any loaded project; it was analysed in an ad-hoc project that references all of them.", DiagnosticCodes.LooseFile)]
    [InlineData("tools/Gen/Gen.csproj compiles a target but is not in App.sln; it was read from its project file and added.", DiagnosticCodes.LooseFile)]
    [InlineData("41 of the solution's projects are not needed to bind the targets (they neither reference nor are referenced by the targets' projects, or only reference targets too large for the cap, whose callers are not bound); to load this large solution faster they were read from their project files instead of being evaluated by MSBuild.", DiagnosticCodes.ProjectFocus)]
    [InlineData("target file src/A/Big.cs was dropped to keep the bundle within 4000 tokens.", DiagnosticCodes.TargetNotInFull)]
    [InlineData("the previous manifest m.json could not be read (bad JSON); packed without it. Delete it or point --previous at a manifest this tool wrote.", DiagnosticCodes.PreviousUnreadable)]
    [InlineData("skipped project Broken.csproj: its project file could not be read (Data at the root level is invalid. Line 1, position 1.).", DiagnosticCodes.ProjectFileUnreadable)]
    [InlineData("skipped docs/passwd.md: it is a symbolic link to a file outside the repository.", DiagnosticCodes.LinkOutsideRepository)]
    [InlineData("docs/latin1.txt is not valid UTF-8; its invalid bytes were packed as U+FFFD.", DiagnosticCodes.InvalidUtf8)]
    public void Each_warning_the_tool_writes_has_its_code(string warning, string code)
    {
        Assert.Equal(code, WarningCodes.For(warning));
    }

    [Fact]
    public void The_budgets_target_warnings_are_target_warnings()
    {
        var warning = BudgetPlanner.TargetWarning("src/A/Big.cs", Fidelity.Signatures, 4000, 400, skipped: null);
        var unreadable = BudgetPlanner.TargetWarning("src/A/Gone.cs", Fidelity.Listed, 4000, 400, skipped: "could not be read (gone)");

        Assert.Equal(DiagnosticCodes.TargetNotInFull, WarningCodes.For(warning!));
        Assert.Equal(DiagnosticCodes.TargetNotInFull, WarningCodes.For(unreadable!));
    }

    [Fact]
    public void Targets_larger_than_the_cap_have_their_own_code_and_a_build_logs_it_as_a_message()
    {
        var summary = new TargetSummary(["Core"], 40, 90_000, 6, "none", 2, 1, 0, 37, 40, []);
        var module = ModuleSummary.Warning(summary, 8000, 0);
        var several = ModuleSummary.Warning(summary with { Targets = ["Core", "Api"] }, 8000, 800);

        Assert.Equal(DiagnosticCodes.TargetsLargerThanCap, WarningCodes.For(module));
        Assert.Equal(DiagnosticCodes.TargetsLargerThanCap, WarningCodes.For(several));
        Assert.Contains(DiagnosticCodes.TargetsLargerThanCap, WarningCodes.BuildMessages);
    }

    [Fact]
    public void The_input_safety_warnings_have_their_own_codes_as_their_producers_write_them()
    {
        // Given a project file that is not XML, a file that is not UTF-8, and a link out of the repository
        var root = TempFolder.Create();
        var project = Path.Combine(root, "Broken.csproj");
        File.WriteAllText(project, "not xml");
        File.WriteAllBytes(Path.Combine(root, "latin1.txt"), [0x63, 0x61, 0x66, 0xE9, 0x0A]);
        var texts = new FileTexts(root);
        texts.Read("latin1.txt");

        // When
        ProjectFileReader.IsReadable(project, out var unreadable);

        // Then
        Assert.Equal(DiagnosticCodes.ProjectFileUnreadable, WarningCodes.For(unreadable!));
        Assert.Equal(DiagnosticCodes.InvalidUtf8, WarningCodes.For(Assert.Single(texts.Warnings)));
        Assert.Equal(DiagnosticCodes.LinkOutsideRepository, WarningCodes.For(FileFilter.LinkWarning("docs/passwd.md")));
    }

    [Fact]
    public void An_unreadable_previous_manifest_is_a_previous_warning_as_written()
    {
        var path = Path.Combine(TempFolder.Create(), "m.json");
        File.WriteAllText(path, "{ not json");

        var read = PreviousManifest.Read(path, new PackOptions { SolutionPath = path }, "App.sln", []);

        Assert.Equal(DiagnosticCodes.PreviousUnreadable, WarningCodes.For(read.Warning!));
    }

    [Fact]
    public void Codes_are_unique_and_in_two_ranges()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^PCTX[01][0-9][0-9]$", c));
    }
}

using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Manifest;
using Packer.Core.Ranking;
using Packer.Core.Redaction;
using Packer.Agents.Session;
using Packer.Core.Targeting;
using Packer.Tests.Redaction;

namespace Packer.Tests.Session;

public sealed class ContextMapTests
{
    private const int Cap = 9_500;

    private static readonly SecretRedactor Redactor = new(RedactionOptions.Default);

    [Fact]
    public void A_small_bundle_is_mapped_file_by_file_with_reasons_most_relevant_first()
    {
        var map = ContextMap.Render(Input(Manifest(files: 12, listed: 3)), Cap, Redactor);

        Assert.StartsWith("# Context bundle for this session (dotnet pack-context)\n", map, StringComparison.Ordinal);
        Assert.Contains("Read it before you start: /repo/.packer/context.1.xml, then /repo/.packer/context.2.xml (2 parts, in order; each fits one file read).\n", map, StringComparison.Ordinal);
        Assert.Contains("## Targets\n- src/Area0/File0.cs (full, 100 tokens): target\n", map, StringComparison.Ordinal);
        Assert.Contains("## Next to the targets (most relevant first)\n- src/Area1/File1.cs (full, 100 tokens): declares Type1 used by File0.cs\n", map, StringComparison.Ordinal);
        Assert.Contains("## Listed by path only, not in the bundle (3)\n- src/Area0/File12.cs\n", map, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, 0)]
    [InlineData(5_000, 2_000)]
    [InlineData(20_000, 30_000)]
    public void A_large_bundle_is_grouped_and_trimmed_to_the_cap_keeping_where_to_read_it(int files, int listed)
    {
        var input = Input(Manifest(files, listed));

        var map = ContextMap.Render(input, Cap, Redactor);
        var tight = ContextMap.Render(input, 1_200, Redactor);

        Assert.InRange(map.Length, Cap * 8 / 10, Cap); // detail is given up only as far as needed
        Assert.Contains("Read it before you start: /repo/.packer/context.1.xml", map, StringComparison.Ordinal);
        Assert.Contains("## Targets\n- src/Area0/File0.cs (full, 100 tokens): target\n", map, StringComparison.Ordinal);
        Assert.InRange(tight.Length, 1, 1_200);
        Assert.Contains("/repo/.packer/context.manifest.json", tight, StringComparison.Ordinal);
    }

    [Fact]
    public void After_compaction_the_agent_is_told_to_read_the_bundle_again()
    {
        var map = ContextMap.Render(Input(Manifest(5, 0)) with { Source = HookSource.Compact }, Cap, Redactor);

        Assert.Contains("The conversation was compacted, so the bundle's text is no longer in your context. Read it again", map, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_a_warning_or_a_reason_is_redacted_as_the_bundle_is_unless_redaction_is_off()
    {
        // Given a manifest whose warning and whose target's reason hold a token (a project that failed to load with it in its message)
        var token = FakeSecrets.GitHubToken("p");
        var manifest = Manifest(5, 0) with { Warnings = [$"project src/App/App.csproj did not load: the feed refused the key {token}"] };
        manifest = manifest with { Files = [manifest.Files[0] with { Reason = $"target; see {token}" }, .. manifest.Files.Skip(1)] };

        // When
        var map = ContextMap.Render(Input(manifest), Cap, Redactor);
        var off = ContextMap.Render(Input(manifest), Cap, new SecretRedactor(RedactionOptions.Default with { Enabled = false }));

        // Then
        Assert.DoesNotContain(token, map, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:github-token]", map, StringComparison.Ordinal);
        Assert.Contains(token, off, StringComparison.Ordinal);
    }

    private static MapInput Input(ManifestDocument manifest) => new(
        manifest, "/repo", "/repo/.packer/context.xml", "/repo/.packer/context.manifest.json",
        ["/repo/.packer/context.1.xml", "/repo/.packer/context.2.xml"], Unchanged: false, UnchangedParts: 0, HookSource.Startup, EditsLine: null);

    // File 0 is the target; files 1-9 are next to it; the rest are wider context, then the listed ones.
    private static ManifestDocument Manifest(int files, int listed)
    {
        var all = Enumerable.Range(0, files + listed).Select(i =>
        {
            var (fidelity, segment) = i == 0 ? (Fidelity.Full, SegmentKind.Targets)
                : i < 10 ? (Fidelity.Full, SegmentKind.Volatile)
                : i < files ? (Fidelity.Signatures, SegmentKind.Stable)
                : (Fidelity.Listed, SegmentKind.Volatile);
            return new ManifestFile
            {
                Path = $"src/Area{i % 3}/File{i}.cs",
                Project = "App",
                Rank = i + 1,
                Score = 1.0 / (i + 1),
                Fidelity = fidelity,
                Segment = segment,
                Position = i + 1,
                Tokens = fidelity == Fidelity.Listed ? 0 : 100,
                Reason = i == 0 ? "target" : $"declares Type{i} used by File0.cs",
                Signals = new Signals(),
            };
        }).ToList();
        return new ManifestDocument
        {
            SchemaVersion = ManifestJson.SchemaVersion,
            Tool = ManifestJson.Tool,
            Solution = "App.sln",
            Tokenizer = "o200k_base",
            Format = BundleFormat.Xml,
            MaxTokens = 32_000,
            TotalTokens = 31_000,
            Segments = [new SegmentSpan(SegmentKind.Header, 0, 10, 0, 5, false)],
            Targets = [new ResolvedTarget("src/Area0/File0.cs", TargetKind.File, ["src/Area0/File0.cs"])],
            Files = all,
            Warnings = [],
        };
    }
}

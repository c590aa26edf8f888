using Packer.Core;
using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Manifest;
using Packer.Core.Output;

namespace Packer.Agents.Session;

/// <summary>The map's first lines: what the bundle is, where it is, and how to read it given why the session starts.</summary>
internal static class MapIntro
{
    public static string Text(MapInput input)
    {
        var manifest = input.Manifest;
        var text = new StringBuilder();
        var targets = string.Join("; ", manifest.Targets.Select(t => $"{Names.Of(t.Kind)} {t.Spec} ({MapSections.Count(t.Files.Count, "file")})"));
        text.Append(OutputGuard.SessionMapStart);
        text.Append($"The files of {manifest.Solution} that matter most for {targets}, chosen by their place in the code's dependency graph and packed within {manifest.MaxTokens:N0} tokens.\n\n");
        text.Append(Reading(input));
        text.Append($"Why each file is there (rank, score, signals): {input.ManifestPath}\n");
        var withContent = manifest.Files.Count(f => f.HasContent());
        var listed = manifest.Files.Count(f => f.Fidelity == Fidelity.Listed);
        text.Append($"The bundle: {MapSections.Count(withContent, "file")} with content, {listed:N0} more listed by path; {manifest.TotalTokens:N0} tokens ({manifest.Tokenizer}). Paths below are relative to {input.Root}.\n");
        foreach (var warning in manifest.Warnings.Take(3))
        {
            text.Append($"Note: {(warning.Length <= 200 ? warning : warning[..199] + "…")}\n");
        }

        return text.ToString();
    }

    private static string Reading(MapInput input)
    {
        var files = input.Parts.Count > 0 ? input.Parts : [input.Bundle];
        var list = string.Join(", then ", files);
        var whole = input.Parts.Count > 1 ? $" ({input.Parts.Count} parts, in order; each fits one file read)" : string.Empty;
        var edits = input.EditsLine is not { } line ? string.Empty
            : input.Parts.Count > 0 ? " Its last part(s) hold the edits made since it was first packed: diffs of files shown earlier, and files new next to the targets."
            : $" From line {line:N0} on it holds the edits made since it was first packed: diffs of files shown earlier, and files new next to the targets.";
        return input.Source switch
        {
            HookSource.Resume when input.Unchanged =>
                $"The bundle is unchanged since the last session start: if you read it earlier in this conversation, it is as you read it. Otherwise read {list}{whole}.{edits}\n",
            HookSource.Resume when input.Parts.Count > 0 && input.UnchangedParts > 0 =>
                $"Since the last session start, parts 1–{input.UnchangedParts} are unchanged: if you read them earlier in this conversation, read only {string.Join(", then ", files.Skip(input.UnchangedParts))}. Otherwise read {list}{whole}.{edits}\n",
            HookSource.Resume =>
                $"The bundle changed since the last session start; read it again: {list}{whole}.{edits}\n",
            HookSource.Compact =>
                $"The conversation was compacted, so the bundle's text is no longer in your context. Read it again before you go on: {list}{whole}.{edits}\n",
            _ => $"Read it before you start: {list}{whole}.{edits}\n",
        };
    }
}

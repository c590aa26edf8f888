using Packer.Core.Bundle;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Tokenization;

namespace Packer.Core.Budget;

/// <summary>
/// Prices file blocks as the renderer writes them, once per file and fidelity, and makes the greedy choices
/// every budget pass shares: in full if it fits, else, one edge from a target, as signatures if those fit.
/// </summary>
internal sealed class BlockPricer(IBundleRenderer renderer, TokenCounter counter, FileTexts texts)
{
    private readonly Dictionary<(string Path, Fidelity Fidelity), Choice> prices = [];

    /// <summary>Gets the texts the blocks show.</summary>
    public FileTexts Texts => texts;

    /// <summary>Tells whether a file is C# (and so has signatures).</summary>
    public static bool IsCSharp(RankedFile file) => file.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tokens of a block rendered alone.</summary>
    public int Tokens(BundleEntry entry) => counter.Count(renderer.File(entry, first: false));

    /// <summary>A file's block at a fidelity, showing <paramref name="text"/>.</summary>
    public Choice Price(RankedFile file, Fidelity fidelity, string text)
    {
        if (!prices.TryGetValue((file.Path, fidelity), out var choice))
        {
            var entry = new BundleEntry(file.Path, file.Project, fidelity, text);
            prices[(file.Path, fidelity)] = choice = new Choice(file, entry, Tokens(entry));
        }

        return choice;
    }

    /// <summary>A file's listing line.</summary>
    public Choice Listing(RankedFile file) => Price(file, Fidelity.Listed, string.Empty);

    /// <summary>
    /// A file in full if it fits <paramref name="remaining"/>, else, for a C# file one edge from a target, as
    /// signatures if those fit and are smaller; null otherwise. Files further away are never given as
    /// signatures: measured on the tuning repositories' commits (bench/fit.py, policies "direct" and "none"),
    /// the room their signatures took cost more full-text recall than it added; they are listed instead.
    /// </summary>
    public Choice? Content(RankedFile file, int remaining)
    {
        // The length ranking weighed (of the text before redaction) rules most files out without reading them:
        // a pass over thousands of files with a few hundred tokens left reads none of them.
        if (file.Signals.Length > (long)remaining * TokenCounter.MaxCharsPerToken)
        {
            return null;
        }

        var text = texts.Read(file.Path);
        if (text is null || text.Length > (long)remaining * TokenCounter.MaxCharsPerToken)
        {
            return null;
        }

        var full = Price(file, Fidelity.Full, text);
        if (full.Tokens <= remaining)
        {
            return full;
        }

        if (file.Distance != 1 || !IsCSharp(file))
        {
            return null;
        }

        var signatures = Price(file, Fidelity.Signatures, texts.Shown(file.Path, Fidelity.Signatures)!);
        return signatures.Tokens <= remaining && signatures.Tokens < full.Tokens ? signatures : null;
    }

    /// <summary>Greedy in the given order: each file in full if it fits, else (one edge from a target) as signatures.</summary>
    public List<Choice> Greedy(IEnumerable<RankedFile> files, int budget)
    {
        var chosen = new List<Choice>();
        foreach (var file in files)
        {
            if (Content(file, budget) is { } choice)
            {
                chosen.Add(choice);
                budget -= choice.Tokens;
            }
        }

        return chosen;
    }
}

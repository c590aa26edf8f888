using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;
using Packer.Core.Configuration;
using Packer.Core.Text;

namespace Packer.Core.Tokenization;

/// <summary>
/// Counts tokens with a tiktoken encoding whose vocabulary ships in a data package (no download). The
/// vocabulary is loaded on the first count that is not already known from a <see cref="TokenCountMemo"/>.
/// Counting costs about the text's length whatever it holds: Microsoft.ML.Tokenizers 3 merges a long pre-token
/// (a run of letters, spaces or punctuation, base64) with a heap, where 2 scanned every pair for each merge,
/// quadratic in the run (a 1 MB literal took a quarter of an hour). Both give the same counts
/// (TokenCountSafetyTests holds counts recorded from 2.0.1); do not go back to 2.
/// </summary>
public sealed class TokenCounter
{
    // Loading a vocabulary is the expensive part (a fifth of a second); counting is thread-safe, so one
    // vocabulary per encoding serves all, and a caller that asks while another loads it waits for that load.
    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> Vocabularies = new(StringComparer.Ordinal);

    /// <summary>
    /// A text takes at least one token per this many characters, with either encoding, for C# as written (long
    /// runs of one character aside). A text longer than this many characters per token of a budget cannot fit
    /// it, so it is not worth reading or counting against that budget.
    /// </summary>
    public const int MaxCharsPerToken = 16;

    private readonly Lazy<Tokenizer> tokenizer;
    private readonly TokenCountMemo? memo;

    private TokenCounter(string encoding, Lazy<Tokenizer> tokenizer, TokenCountMemo? memo)
    {
        Encoding = encoding;
        this.tokenizer = tokenizer;
        this.memo = memo;
    }

    /// <summary>Gets the encoding name.</summary>
    public string Encoding { get; }

    /// <summary>Gets the counter for "o200k_base" or "cl100k_base".</summary>
    public static TokenCounter Create(string encoding) => OptionValues.IsTokenizer(encoding)
        ? new TokenCounter(encoding, Vocabularies.GetOrAdd(encoding, e => new(() => TiktokenTokenizer.CreateForEncoding(e))), null)
        : throw new UsageException($"unknown tokenizer '{encoding}'. Use o200k_base or cl100k_base.");

    /// <summary>Starts loading an encoding's vocabulary on the thread pool; an unknown encoding fails at once.</summary>
    public static void Preload(string encoding)
    {
        var counter = Create(encoding);
        _ = Task.Run(() => counter.tokenizer.Value);
    }

    /// <summary>Returns a counter that looks texts up in <paramref name="known"/> before counting them, and records what it counts there.</summary>
    public TokenCounter Remembering(TokenCountMemo known) => new(Encoding, tokenizer, known);

    /// <summary>Counts the tokens of a text, special-token spellings counted as ordinary text.</summary>
    public int Count(string text)
    {
        if (memo is null)
        {
            return CountNow(text);
        }

        return memo.GetOrMake(ContentHash.Of(Encoding + "\n" + text), () => CountNow(text));
    }

    /// <summary>Gets the length of the longest start of a text that holds at most <paramref name="tokens"/> tokens.</summary>
    public int PrefixLength(string text, int tokens) =>
        tokenizer.Value.GetIndexByTokenCount(text, tokens, out _, out _, considerPreTokenization: true, considerNormalization: true);

    private int CountNow(string text) => tokenizer.Value.CountTokens(text, considerPreTokenization: true, considerNormalization: true);
}

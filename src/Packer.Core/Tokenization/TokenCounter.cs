using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace Packer.Core.Tokenization;

/// <summary>Counts tokens with a tiktoken encoding whose vocabulary ships in a data package (no download).</summary>
public sealed class TokenCounter
{
    private readonly Tokenizer tokenizer;

    private TokenCounter(string encoding, Tokenizer tokenizer)
    {
        Encoding = encoding;
        this.tokenizer = tokenizer;
    }

    /// <summary>Gets the encoding name.</summary>
    public string Encoding { get; }

    // Loading a vocabulary is the expensive part; counting is thread-safe, so one instance per encoding serves all.
    private static readonly ConcurrentDictionary<string, TokenCounter> Counters = new(StringComparer.Ordinal);

    /// <summary>Gets the counter for "o200k_base" or "cl100k_base".</summary>
    public static TokenCounter Create(string encoding) => encoding switch
    {
        "o200k_base" or "cl100k_base" => Counters.GetOrAdd(encoding, e => new TokenCounter(e, TiktokenTokenizer.CreateForEncoding(e))),
        _ => throw new UsageException($"unknown tokenizer '{encoding}'. Use o200k_base or cl100k_base."),
    };

    /// <summary>Counts the tokens of a text, special-token spellings counted as ordinary text.</summary>
    public int Count(string text) => tokenizer.CountTokens(text, considerPreTokenization: true, considerNormalization: true);
}

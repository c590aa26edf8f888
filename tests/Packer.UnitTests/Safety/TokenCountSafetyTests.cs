using System.Text;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// Token counting costs about the text's length on any text: a byte-pair encoder that merges by scanning all pairs
/// is quadratic on one long pre-token (a run of letters, spaces or punctuation, base64), so a 100 KB "AAAA…" literal
/// once added 12 s to a run and a 1 MB one would have taken a quarter of an hour. The counts stay exact: they are
/// those of the encoder before (recorded from Microsoft.ML.Tokenizers 2.0.1, which merged by scanning).
/// </summary>
public sealed class TokenCountSafetyTests
{
    public static readonly TheoryData<string, int, int, int> Recorded = new()
    {
        { "o200k_base", 1, 1431, 1682 },
        { "o200k_base", 2, 1970, 1985 },
        { "o200k_base", 3, 2313, 1553 },
        { "o200k_base", 4, 2889, 1530 },
        { "o200k_base", 5, 448, 1787 },
        { "o200k_base", 6, 854, 862 },
        { "o200k_base", 7, 1344, 1090 },
        { "o200k_base", 8, 2598, 1361 },
        { "o200k_base", 9, 1812, 2385 },
        { "o200k_base", 10, 853, 2762 },
        { "o200k_base", 11, 327, 1753 },
        { "o200k_base", 12, 1956, 2255 },
        { "o200k_base", 13, 823, 749 },
        { "o200k_base", 14, 1868, 1566 },
        { "o200k_base", 15, 451, 1569 },
        { "o200k_base", 16, 1421, 2368 },
        { "o200k_base", 17, 879, 1448 },
        { "o200k_base", 18, 1549, 2161 },
        { "o200k_base", 19, 3013, 2789 },
        { "o200k_base", 20, 1563, 854 },
        { "o200k_base", 21, 2547, 1438 },
        { "o200k_base", 22, 1208, 2476 },
        { "o200k_base", 23, 2201, 2531 },
        { "o200k_base", 24, 2793, 3726 },
        { "cl100k_base", 1, 1919, 1472 },
        { "cl100k_base", 2, 2042, 1965 },
        { "cl100k_base", 3, 3965, 1605 },
        { "cl100k_base", 4, 4199, 1466 },
        { "cl100k_base", 5, 449, 1787 },
        { "cl100k_base", 6, 1115, 823 },
        { "cl100k_base", 7, 1292, 1059 },
        { "cl100k_base", 8, 4122, 1441 },
        { "cl100k_base", 9, 2500, 2595 },
        { "cl100k_base", 10, 853, 2762 },
        { "cl100k_base", 11, 319, 1793 },
        { "cl100k_base", 12, 2754, 2315 },
        { "cl100k_base", 13, 849, 737 },
        { "cl100k_base", 14, 1930, 1534 },
        { "cl100k_base", 15, 474, 1566 },
        { "cl100k_base", 16, 1990, 2320 },
        { "cl100k_base", 17, 921, 1448 },
        { "cl100k_base", 18, 1676, 2052 },
        { "cl100k_base", 19, 4423, 2821 },
        { "cl100k_base", 20, 1795, 829 },
        { "cl100k_base", 21, 3382, 1625 },
        { "cl100k_base", 22, 1668, 2524 },
        { "cl100k_base", 23, 2194, 2553 },
        { "cl100k_base", 24, 4224, 3906 },
    };

    private static readonly string[][] Classes =
    [
        [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ".Select(c => c.ToString())],
        [.. "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString())],
        [.. "0123456789".Select(c => c.ToString())],
        [" "], ["\n"], ["\t"], ["\r\n"],
        [.. "=-_+*/|!#%&()[]{};:'\",.<>?".Select(c => c.ToString())],
        [.. "éüßñÄ日本語".Select(c => c.ToString())],
        ["😀", "🚀"],
        ["'s", "'ll", "<|endoftext|>"],
    ];

    // Runs of one character class, some of them hundreds long (the worst case of a byte-pair encoder), mixed.
    private static string Mixed(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < 3000)
        {
            var elements = Classes[random.Next(Classes.Length)];
            var run = random.Next(4) == 0 ? random.Next(100, 1500) : random.Next(1, 12);
            var same = random.Next(2) == 0;
            var first = random.Next(elements.Length);
            for (var i = 0; i < run; i++)
            {
                text.Append(elements[same ? first : random.Next(elements.Length)]);
            }
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("A", 400_000)]
    [InlineData(" ", 400_000)]
    [InlineData("=", 400_000)]
    [InlineData("\n", 400_000)]
    [InlineData("日", 400_000)]
    public async Task A_long_run_of_one_character_is_counted_in_bounded_time(string character, int length)
    {
        var text = string.Concat(Enumerable.Repeat(character, length));
        foreach (var encoding in new[] { "o200k_base", "cl100k_base" })
        {
            var counter = TokenCounter.Create(encoding);

            var tokens = await Bounded.RunAsync(() => counter.Count(text));
            var prefix = await Bounded.RunAsync(() => counter.PrefixLength(text, tokens / 2));

            Assert.InRange(tokens, 1, text.Length);
            Assert.InRange(prefix, 1, text.Length - 1);
        }
    }

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public async Task Base64_and_letters_count_exactly_in_bounded_time(string encoding)
    {
        var counter = TokenCounter.Create(encoding);

        var zeros = await Bounded.RunAsync(() => counter.Count(Convert.ToBase64String(new byte[150_000])));
        var letters = await Bounded.RunAsync(() => counter.Count(new string('A', 100_000)));

        Assert.Equal(25_000, zeros);
        Assert.Equal(12_500, letters);
    }

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Texts_with_long_runs_count_as_the_scanning_encoder_counted_them(string encoding, int seed, int tokens, int halfPrefix)
    {
        var text = Mixed(seed);
        var counter = TokenCounter.Create(encoding);

        Assert.Equal(tokens, counter.Count(text));
        Assert.Equal(halfPrefix, counter.PrefixLength(text, tokens / 2));
    }
}

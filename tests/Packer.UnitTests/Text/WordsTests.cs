using Packer.Core.Text;

namespace Packer.Tests.Text;

public sealed class WordsTests
{
    [Theory]
    [InlineData("HttpClientFactory2", "http client factory httpclientfactory2")]
    [InlineData("HTTPServer", "http server httpserver")]
    [InlineData("parseJSONValue", "parse json parsejsonvalue")]
    [InlineData("The value of x is 42, not 7", "")]
    [InlineData("Could not find color or style 'bluee'", "could find color style bluee")]
    [InlineData("ÄrgerÜber naïve_Straße", "rger ber na ve stra")]
    public void A_text_is_split_into_lower_case_words_at_humps_and_digits_with_common_words_left_out(string text, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Words.Of(text));
    }

    [Theory]
    [InlineData("ÄrgerÜber")]
    [InlineData("İstanbulΣΑΣ")]
    [InlineData("ǅemalĲssel")]
    [InlineData("_Private")]
    public void An_identifier_with_no_hump_between_ascii_letters_is_one_word_lowered_as_the_invariant_culture_lowers_it(string identifier)
    {
        var words = new List<string>();
        Words.Token(identifier, words.Add);

        Assert.Equal([identifier.ToLowerInvariant()], words);
    }
}

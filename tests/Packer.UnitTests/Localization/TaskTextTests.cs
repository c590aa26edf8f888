using Packer.Core.Localization;

namespace Packer.Tests.Localization;

public sealed class TaskTextTests
{
    [Fact]
    public void A_stack_trace_gives_its_frames_with_file_and_line_and_async_and_nested_frames_read_as_their_method()
    {
        // Given
        const string text = """
            "S".Pluralize(false) throws an IndexOutOfRangeException

            System.IndexOutOfRangeException: Index was outside the bounds of the array.
               at System.String.get_Chars(Int32 index)
               at Humanizer.Inflections.Vocabulary.MatchUpperCase(String word, String replacement) in /_/src/Humanizer/Inflections/Vocabulary.cs:line 158
               at Shop.Application.OrderService.<SubmitAsync>d__4.MoveNext() in C:\src\Shop.Application\OrderService.cs:line 22
               at Polly.Outer`1+Inner.Execute[TResult](Func`1 action)
               at Spectre.Console.Markup..ctor(String text, Style style)
            """;

        // When
        var task = TaskText.Parse(text);

        // Then
        Assert.Equal(
            [
                new StackFrame("System.String", "get_Chars", null, null),
                new StackFrame("Humanizer.Inflections.Vocabulary", "MatchUpperCase", "/_/src/Humanizer/Inflections/Vocabulary.cs", 158),
                new StackFrame("Shop.Application.OrderService", "SubmitAsync", "C:/src/Shop.Application/OrderService.cs", 22),
                new StackFrame("Polly.Outer.Inner", "Execute", null, null),
                new StackFrame("Spectre.Console.Markup", "Markup", null, null),
            ],
            task.Frames);
        Assert.Contains("Vocabulary", task.Names);
        Assert.Contains("MatchUpperCase", task.Names);
        Assert.Contains("Index was outside the bounds of the array.", task.Phrases);
    }

    [Fact]
    public void Words_are_split_at_humps_kept_whole_too_and_addresses_html_numbers_and_stop_words_are_left_out()
    {
        var task = TaskText.Parse("The TableBorder of a `Grid` is wrong in 0.44 <img width=\"282\" src=\"x.png\"> see https://github.com/a/b/issues/1");

        Assert.Equal(["border", "grid", "table", "tableborder", "wrong"], task.Terms.Keys);
        Assert.DoesNotContain("width", task.Terms.Keys);
        Assert.DoesNotContain("github", task.Terms.Keys);
        Assert.Contains("TableBorder", task.Names);
    }

    [Fact]
    public void Quoted_messages_code_spans_and_file_names_are_read()
    {
        var task = TaskText.Parse("Calling `order.AddLine(line)` fails with \"line currency differs from the order's\" in src/Shop.Domain/Orders/Order.Validation.cs and Money.cs");

        Assert.Contains("line currency differs from the order's", task.Phrases);
        Assert.Contains("order.AddLine(line)", task.Phrases);
        Assert.Equal(["money.cs", "order.validation.cs"], task.FileNames);
    }

    [Theory]
    [InlineData("thanks")]
    [InlineData("ok, continue")]
    [InlineData("  ")]
    public void A_prompt_that_says_nothing_of_code_reads_as_empty_or_as_plain_words(string prompt)
    {
        var task = TaskText.Parse(prompt);

        Assert.Empty(task.Frames);
        Assert.Empty(task.Phrases);
        Assert.Empty(task.FileNames);
        Assert.DoesNotContain(task.Names, n => n.Any(char.IsUpper));
    }

    [Fact]
    public void A_huge_task_is_read_up_to_its_limit_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("at A.B.C(", 20_000)) + new string('a', 500_000);

        var task = TaskText.Parse(text);

        Assert.True(task.Frames.Count <= 64);
    }
}

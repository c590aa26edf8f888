namespace Packer.Agents.Server;

/// <summary>Keeps a tool's answer within the inline limit by cutting a list in it to its longest prefix that fits.</summary>
internal static class AnswerFit
{
    /// <summary>The most items, 0 to <paramref name="count"/>, for which the answer measures at most <paramref name="budget"/> (0 when none does).</summary>
    /// <param name="count">How many items the list has.</param>
    /// <param name="measure">The answer's size, in tokens, with the first n items; larger for more items.</param>
    /// <param name="budget">The most tokens the answer may have.</param>
    public static int Longest(int count, Func<int, int> measure, int budget)
    {
        if (measure(count) <= budget)
        {
            return count;
        }

        // The answer is in [low, high]: every count above high measures over the budget.
        var (low, high) = (0, count - 1);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (measure(middle) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}

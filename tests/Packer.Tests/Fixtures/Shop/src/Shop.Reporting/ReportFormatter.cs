namespace Shop.Reporting;

/// <summary>Formats plain-text reports; knows nothing about orders.</summary>
public static class ReportFormatter
{
    public static string Heading(string title) => title + "\n" + new string('=', title.Length);

    public static string Row(string label, decimal value) => $"{label,-20}{value,12:F2}";
}

using System.Globalization;
using System.Text;

namespace GoShop.Benchmarks;

/// <summary>What one scenario found: its figures as a markdown table, a verdict against its target, and notes.</summary>
public sealed class ScenarioReport(string title, string target)
{
    private readonly List<string[]> _rows = [];

    public string Title { get; } = title;

    public string Target { get; } = target;

    public string Measured { get; set; } = "";

    public bool? Met { get; set; }

    public string[] Columns { get; set; } = [];

    public List<string> Notes { get; } = [];

    public void Row(params string[] cells) => _rows.Add(cells);

    public void Write(StringBuilder markdown)
    {
        markdown.AppendLine(CultureInfo.InvariantCulture, $"## {Title}").AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Target: {Target}. Measured: **{Measured}** ({Verdict}).").AppendLine();
        if (Columns.Length > 0)
        {
            markdown.AppendLine("| " + string.Join(" | ", Columns) + " |");
            markdown.AppendLine("|" + string.Concat(Columns.Select(_ => "---|")));
            foreach (var row in _rows)
                markdown.AppendLine("| " + string.Join(" | ", row) + " |");
            markdown.AppendLine();
        }
        foreach (var note in Notes)
            markdown.AppendLine(note).AppendLine();
    }

    public string Verdict => Met switch { true => "met", false => "missed", null => "not judged" };
}

public static class Format
{
    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double value) => value.ToString("0", CultureInfo.InvariantCulture) + "/s";

    public static string Percent(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Times(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Number(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Latencies(LoadResult r) => $"{Ms(r.P50)} / {Ms(r.P95)} / {Ms(r.P99)}";
}

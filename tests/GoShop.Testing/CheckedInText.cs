using System.Text;
using Xunit;

namespace GoShop.Testing;

/// <summary>
/// A text the repository keeps (a snapshot) compared with what the code produces now: on a difference the test fails
/// with a line diff; with <c>GOSHOP_UPDATE_SNAPSHOTS=1</c> the file is rewritten instead, to be reviewed and committed.
/// </summary>
public static class CheckedInText
{
    private const int ContextLines = 2;
    private const int MaxDiffLines = 80;

    /// <param name="file">The file, relative to the repository root.</param>
    /// <param name="actual">What the code produces now.</param>
    /// <param name="what">What the file is, for the failure message.</param>
    public static void AssertMatches(string file, string actual, string what)
    {
        var path = Path.Combine(TestEnvironment.RepositoryRoot, file);
        var checkedIn = File.Exists(path) ? File.ReadAllText(path) : null;
        if (checkedIn == actual)
            return;
        if (Environment.GetEnvironmentVariable("GOSHOP_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        var difference = checkedIn is null ? $"{file} does not exist." : Diff(checkedIn, actual);
        Assert.Fail($"{what} changed: if that is meant, rerun with GOSHOP_UPDATE_SNAPSHOTS=1 and commit {file} after reading its diff.\n"
            + $"--- {file} (checked in)\n+++ now\n{difference}");
    }

    /// <summary>A line diff (longest common subsequence) showing each change with a little context.</summary>
    public static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        for (var j = after.Length - 1; j >= 0; j--)
            common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);

        var lines = new List<(char Mark, string Text)>();
        int b = 0, a = 0;
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == after[a])
            {
                lines.Add((' ', before[b++]));
                a++;
            }
            else if (b < before.Length && (a == after.Length || common[b + 1, a] >= common[b, a + 1]))
                lines.Add(('-', before[b++]));
            else
                lines.Add(('+', after[a++]));
        }

        var shown = new StringBuilder();
        var written = 0;
        var lastShown = -1;
        for (var k = 0; k < lines.Count && written < MaxDiffLines; k++)
        {
            var nearChange = lines.Skip(Math.Max(0, k - ContextLines)).Take(2 * ContextLines + 1).Any(l => l.Mark != ' ');
            if (!nearChange)
                continue;
            if (lastShown >= 0 && k > lastShown + 1)
                shown.AppendLine("@@");
            shown.Append(lines[k].Mark).Append(' ').AppendLine(lines[k].Text.TrimEnd('\r'));
            lastShown = k;
            written++;
        }
        if (written == MaxDiffLines)
            shown.AppendLine("(more differences follow)");
        return shown.ToString();
    }
}

using System.Text.RegularExpressions;

namespace GoShop.Shipping.Geocoding;

/// <summary>
/// The keys names are matched on, so the ways people write a place meet: without diacritics, with or without the unit's
/// type ("Quận 1", "Q1", "Q.1", "District 1" → "1"; "Phường Bến Nghé", "P. Ben Nghe" → "bennghe"), and the usual
/// aliases of the big cities ("TP HCM", "HCMC", "Sài Gòn" → Hồ Chí Minh).
/// </summary>
public static partial class PlaceNames
{
    private static readonly Dictionary<string, string> ProvinceAliases = new()
    {
        ["hcm"] = "hochiminh", ["hcmc"] = "hochiminh", ["tphcm"] = "hochiminh", ["saigon"] = "hochiminh",
        ["hn"] = "hanoi", ["hue"] = "thuathienhue", ["vungtau"] = "bariavungtau", ["brvt"] = "bariavungtau",
    };

    private static readonly string[] ProvincePrefixes = ["thanh pho ", "tp ", "tinh ", "city of "];
    private static readonly string[] ProvinceSuffixes = [" city", " province", " municipality"];
    private static readonly string[] DistrictPrefixes = ["thanh pho ", "thi xa ", "quan ", "huyen ", "district ", "dist ", "tp ", "tx ", "q ", "h "];
    private static readonly string[] DistrictSuffixes = [" district", " town", " city"];
    private static readonly string[] WardPrefixes = ["thi tran ", "phuong ", "xa ", "ward ", "commune ", "tt ", "p ", "x "];
    private static readonly string[] WardSuffixes = [" ward", " commune"];

    public static string ProvinceKey(string? name)
    {
        var key = Compact(Strip(Gazetteer.Fold(name), ProvincePrefixes, ProvinceSuffixes));
        return ProvinceAliases.GetValueOrDefault(key, key);
    }

    public static string DistrictKey(string? name) => NumberedKey(name, DistrictNumber(), DistrictPrefixes, DistrictSuffixes);

    public static string WardKey(string? name) => NumberedKey(name, WardNumber(), WardPrefixes, WardSuffixes);

    /// <summary>The edit distance (Levenshtein) between two keys, for "did you mean" suggestions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The candidates whose key is within a few edits of <paramref name="key"/> (or contains it, or is contained in it), nearest
    /// first, at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<T> Nearest<T>(string key, IEnumerable<T> candidates, Func<T, string> keyOf, int count = 5)
    {
        if (key.Length == 0)
            return [];
        var tolerance = Math.Max(2, key.Length / 3);
        return candidates
            .Select(c => (Candidate: c, Key: keyOf(c)))
            .Select(c => (c.Candidate, Distance: c.Key.Contains(key, StringComparison.Ordinal) || key.Contains(c.Key, StringComparison.Ordinal)
                ? Math.Abs(c.Key.Length - key.Length) / 4 : Distance(key, c.Key)))
            .Where(c => c.Distance <= tolerance)
            .OrderBy(c => c.Distance)
            .Take(count)
            .Select(c => c.Candidate)
            .ToList();
    }

    private static string NumberedKey(string? name, Regex numbered, string[] prefixes, string[] suffixes)
    {
        var folded = Gazetteer.Fold(name);
        if (numbered.Match(folded) is { Success: true } match)
            return int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Compact(Strip(folded, prefixes, suffixes));
    }

    private static string Strip(string folded, string[] prefixes, string[] suffixes)
    {
        foreach (var prefix in prefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal) && folded.Length > prefix.Length)
            {
                folded = folded[prefix.Length..];
                break;
            }
        }
        foreach (var suffix in suffixes)
        {
            if (folded.EndsWith(suffix, StringComparison.Ordinal) && folded.Length > suffix.Length)
            {
                folded = folded[..^suffix.Length];
                break;
            }
        }
        return folded;
    }

    private static string Compact(string folded) => folded.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>"1", "01", "q1", "q 1", "quan 1", "district 1", "dist 1", "d1".</summary>
    [GeneratedRegex(@"^(?:q|quan|district|dist|d)?\s*(?<n>\d{1,2})$")]
    private static partial Regex DistrictNumber();

    /// <summary>"5", "p5", "p 05", "phuong 5", "ward 5".</summary>
    [GeneratedRegex(@"^(?:p|phuong|ward|w)?\s*(?<n>\d{1,2})$")]
    private static partial Regex WardNumber();
}

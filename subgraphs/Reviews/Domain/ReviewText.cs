using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GoShop.BuildingBlocks.Text;

namespace GoShop.Reviews.Domain;

/// <summary>Reading a review's words the same way everywhere: the banned list, repeated texts and sentiment.</summary>
public static class ReviewText
{
    /// <summary>Shorter texts ("Tốt", "Great") are said by many buyers: only longer ones count as repeated.</summary>
    public const int MinRepeatedLength = 20;

    /// <summary>
    /// The words of a text in lower case, split on anything but letters, digits and apostrophes ("don't" stays one word);
    /// <paramref name="foldDiacritics"/> also takes the diacritics out (đ becomes d), as buyers typing without them write.
    /// </summary>
    public static IReadOnlyList<string> Words(string text, bool foldDiacritics = true)
    {
        var lower = text.ToLowerInvariant().Replace('\u2019', '\'');
        var source = foldDiacritics ? Diacritics.Remove(lower) : lower.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether the text carries Vietnamese diacritics (or any): buyers type either with them throughout or without them.</summary>
    public static bool HasDiacritics(string text)
    {
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is 'đ' or 'Đ' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                return true;
        }
        return false;
    }

    /// <summary>A hash of the body with case, diacritics, punctuation and spacing taken out; null for short bodies.</summary>
    public static string? Fingerprint(string? body)
    {
        var normalized = string.Join(' ', Words(body ?? "")).Replace("'", "", StringComparison.Ordinal);
        if (normalized.Length < MinRepeatedLength)
            return null;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..32];
    }
}

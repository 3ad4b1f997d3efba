using System.Globalization;
using System.Text;

namespace GoShop.BuildingBlocks.Text;

/// <summary>
/// Vietnamese (and other Latin) text as buyers type it without diacritics: one way of taking them out, for every subgraph
/// that compares what was typed with what was written (search, the gazetteer, review screening, slugs).
/// </summary>
public static class Diacritics
{
    /// <summary>
    /// The text without diacritics, case and punctuation kept, as PostgreSQL's unaccent gives it: "Điện thoại" becomes
    /// "Dien thoai". Đ/đ is a letter of its own, not D with a mark, so decomposition alone would leave it.
    /// </summary>
    public static string Remove(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(c);
        }
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Text made comparable: diacritics removed, lower case, anything that is not a letter or digit one space between
    /// words. "Điện  Thoại!" and "dien thoai" both fold to "dien thoai".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var plain = Remove(text);
        var folded = new StringBuilder(plain.Length);
        var space = false;
        foreach (var c in plain)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && folded.Length > 0)
                    folded.Append(' ');
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return folded.ToString();
    }
}

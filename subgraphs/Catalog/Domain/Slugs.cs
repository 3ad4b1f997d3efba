using System.Globalization;
using System.Text;

namespace GoShop.Catalog.Domain;

/// <summary>URL-friendly keys from Vietnamese or English text: "Điện thoại & Máy tính" becomes "dien-thoai-may-tinh".</summary>
public static class Slugs
{
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in Unaccent(text).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && slug.Length > 0)
                    slug.Append('-');
                slug.Append(c);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return slug.ToString();
    }

    /// <summary>Text without diacritics, as PostgreSQL's unaccent would give it (đ and Đ become d and D).</summary>
    public static string Unaccent(string text)
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
}

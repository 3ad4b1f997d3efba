using System.Text;
using GoShop.BuildingBlocks.Text;

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
    public static string Unaccent(string text) => Diacritics.Remove(text);
}

using System.Globalization;
using System.Text;

namespace GoShop.Shops.Domain;

/// <summary>
/// The URL name of a shop, made from its name: Vietnamese (and other Latin) diacritics folded to ASCII, lower case,
/// words joined by dashes ("Điện Máy Xanh" gives "dien-may-xanh"). A taken slug gets a numeric suffix ("-2", "-3").
/// </summary>
public static class ShopSlug
{
    public const int MaxLength = 80;

    /// <summary>What a name with no letters or digits at all (emoji, punctuation) becomes.</summary>
    public const string Fallback = "shop";

    public static string From(string name)
    {
        // Đ/đ is a letter of its own, not D with a mark, so Unicode decomposition leaves it alone.
        var decomposed = name.Trim().Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                    slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }
        var text = slug.Length > MaxLength ? slug.ToString(0, MaxLength).TrimEnd('-') : slug.ToString();
        return text.Length == 0 ? Fallback : text;
    }

    /// <summary>The <paramref name="number"/>th variant of a slug ("dien-may-xanh-2"), still within <see cref="MaxLength"/>.</summary>
    public static string WithSuffix(string slug, int number)
    {
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        var stem = slug.Length + suffix.Length > MaxLength ? slug[..(MaxLength - suffix.Length)].TrimEnd('-') : slug;
        return stem + suffix;
    }
}

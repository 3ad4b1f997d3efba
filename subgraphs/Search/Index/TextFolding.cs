using System.Text;
using GoShop.BuildingBlocks.Text;

namespace GoShop.Search.Index;

/// <summary>
/// Text as buyers type it, made comparable: Unicode NFC, lower case, Vietnamese diacritics removed (đ → d), anything
/// that is not a letter or digit a single space. "Điện  Thoại!" and "dien thoai" fold to the same "dien thoai".
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text) => Diacritics.Fold(text);

    /// <summary>Lower case with diacritics kept (NFC), for matching the exact Vietnamese words.</summary>
    public static string Lower(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text.Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>A brand or model as one key: folded, without spaces or punctuation ("SM-S921B" → "sms921b").</summary>
    public static string Key(string? text) => Fold(text).Replace(" ", "", StringComparison.Ordinal);
}

namespace GoShop.Media.Domain;

/// <summary>The names of a media file's stored renditions, as they appear in URLs (<c>/media/{id}/{variant}</c>).</summary>
public static class MediaVariants
{
    /// <summary>The upload itself, cleaned (images re-encoded without metadata).</summary>
    public const string Original = "original";

    /// <summary>An image scaled down to fit a product page.</summary>
    public const string Medium = "medium";

    /// <summary>An image scaled down to fit a list or a grid.</summary>
    public const string Thumbnail = "thumbnail";

    public static bool IsKnown(string variant) => variant is Original or Medium or Thumbnail;
}

namespace GoShop.Media.Domain;

/// <summary>
/// One stored file of a media item: the cleaned original or a scaled-down variant. Its content never changes, so its
/// SHA-256 is also its HTTP entity tag.
/// </summary>
public sealed class MediaRendition
{
    private MediaRendition()
    {
    }

    public MediaRendition(string variant, string contentType, string storageKey, long sizeBytes, int? width, int? height, string sha256)
    {
        Variant = variant;
        ContentType = contentType;
        StorageKey = storageKey;
        SizeBytes = sizeBytes;
        Width = width;
        Height = height;
        Sha256 = sha256;
    }

    public string Variant { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    /// <summary>Where the bytes are in the media store.</summary>
    public string StorageKey { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>A strong entity tag: the same bytes, the same tag.</summary>
    public string ETag => $"\"{Sha256[..32]}\"";
}

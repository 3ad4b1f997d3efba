namespace GoShop.Media.Domain;

/// <summary>
/// A file format media accepts, as recognised from the file's first bytes (never from its name or the content type the
/// client declared): the content type it is stored and served with, and the extension of its stored files.
/// </summary>
public sealed record MediaFormat(string Name, MediaKind Kind, string ContentType, string Extension)
{
    public static MediaFormat Jpeg { get; } = new("JPEG", MediaKind.Image, "image/jpeg", "jpg");

    public static MediaFormat Png { get; } = new("PNG", MediaKind.Image, "image/png", "png");

    public static MediaFormat WebP { get; } = new("WebP", MediaKind.Image, "image/webp", "webp");

    public static MediaFormat Mp4 { get; } = new("MP4", MediaKind.Video, "video/mp4", "mp4");

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, WebP, Mp4];

    public static MediaFormat? FromContentType(string contentType) =>
        All.FirstOrDefault(f => string.Equals(f.ContentType, contentType, StringComparison.OrdinalIgnoreCase));
}

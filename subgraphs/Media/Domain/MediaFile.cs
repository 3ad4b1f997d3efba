using GoShop.BuildingBlocks.Domain;

namespace GoShop.Media.Domain;

/// <summary>
/// An uploaded image or video: who uploaded it, what it really is (from its bytes), and its stored renditions (the
/// cleaned original and, for images, the medium and thumbnail variants). Nothing about it changes after the upload;
/// it can only be deleted, by its owner or an admin.
/// </summary>
public sealed class MediaFile
{
    public const int MaxFileNameLength = 255;

    private readonly List<MediaRendition> _renditions = [];

    private MediaFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public MediaKind Kind { get; private set; }

    /// <summary>The content type of the stored original, from its bytes.</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>The name the file had on the uploader's device, for display only.</summary>
    public string? OriginalFileName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<MediaRendition> Renditions => _renditions;

    public MediaRendition Original => _renditions.Single(r => r.Variant == MediaVariants.Original);

    /// <summary>The scaled-down renditions, largest first.</summary>
    public IEnumerable<MediaRendition> Variants =>
        _renditions.Where(r => r.Variant != MediaVariants.Original).OrderByDescending(r => (long)(r.Width ?? 0) * (r.Height ?? 0));

    public static MediaFile Create(Guid id, Guid ownerId, MediaFormat format, string? originalFileName,
        IEnumerable<MediaRendition> renditions, DateTimeOffset now)
    {
        var media = new MediaFile
        {
            Id = id,
            OwnerId = ownerId,
            Kind = format.Kind,
            ContentType = format.ContentType,
            OriginalFileName = CleanFileName(originalFileName),
            CreatedAt = now,
        };
        media._renditions.AddRange(renditions);
        if (media._renditions.Count(r => r.Variant == MediaVariants.Original) != 1)
            throw new ArgumentException("A media file has exactly one original rendition.", nameof(renditions));
        return media;
    }

    public MediaRendition? Rendition(string variant) => _renditions.FirstOrDefault(r => r.Variant == variant);

    public Result CheckCanDelete(Guid userId, bool isAdmin) =>
        userId == OwnerId || isAdmin ? Result.Success : MediaErrors.NotOwner;

    private static string? CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        // Browsers may send a full path (C:\fakepath\photo.jpg); only the last part is the name.
        var last = name.Replace('\\', '/').Split('/')[^1];
        var printable = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return printable.Length == 0 ? null : printable[..Math.Min(printable.Length, MaxFileNameLength)];
    }
}

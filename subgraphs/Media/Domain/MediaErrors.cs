using GoShop.BuildingBlocks.Domain;

namespace GoShop.Media.Domain;

/// <summary>The expected failures of the media domain, with their stable codes.</summary>
public static class MediaErrors
{
    public static DomainError EmptyFile { get; } = new("EMPTY_FILE", "The file is empty.", "file");

    public static DomainError UnsupportedMediaType { get; } = new("UNSUPPORTED_MEDIA_TYPE",
        "The file is not a JPEG, PNG or WebP image or an MP4 video (judged by its content, not its name).", "file");

    public static DomainError FileTooLarge(MediaFormat format, long maxBytes) => new("FILE_TOO_LARGE",
        $"A {format.Name} file may be at most {maxBytes / (1024 * 1024.0):0.#} MB.", "file");

    public static DomainError ImageTooLarge(long maxPixels) => new("IMAGE_TOO_LARGE",
        $"The image has more than {maxPixels / 1_000_000.0:0.#} million pixels.", "file");

    public static DomainError InvalidImage(MediaFormat format) => new("INVALID_IMAGE",
        $"The file starts like a {format.Name} image but cannot be decoded.", "file");

    public static DomainError NotFound { get; } = new("NOT_FOUND", "No media with this id exists.", "mediaId");

    public static DomainError NotOwner { get; } = new("FORBIDDEN", "Only the person who uploaded this file, or an admin, can delete it.", "mediaId");
}

using System.Security.Cryptography;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Media;
using GoShop.Media.Data;
using GoShop.Media.Domain;
using GoShop.Media.Processing;
using GoShop.Media.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.Media.Uploads;

/// <summary>
/// The one way a file becomes media, for uploads and demo data alike: recognise the format from the bytes, apply the
/// size limit of that kind, clean images and cut their variants, store every rendition, then record the media and its
/// MediaUploaded event in one transaction. Every refusal happens before anything is stored; if the record cannot be
/// saved, the stored files are removed again.
/// </summary>
public sealed class MediaIntake(
    MediaDbContext db,
    IMediaStorage storage,
    ImageProcessor images,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    ILogger<MediaIntake> logger)
{
    private readonly MediaOptions _options = options.Value;

    public async Task<Result<MediaFile>> AcceptAsync(Guid ownerId, UploadedContent content, CancellationToken cancellationToken, Guid? id = null)
    {
        if (content.Length == 0)
            return MediaErrors.EmptyFile;
        var format = await DetectAsync(content, cancellationToken);
        if (format is null)
            return MediaErrors.UnsupportedMediaType;
        var maxBytes = _options.MaxBytesOf(format.Kind);
        if (content.Length > maxBytes)
            return MediaErrors.FileTooLarge(format, maxBytes);

        var mediaId = id ?? Guid.CreateVersion7();
        var prepared = format.Kind == MediaKind.Image
            ? await PrepareImageAsync(mediaId, content, format, cancellationToken)
            : await PrepareVideoAsync(mediaId, content, format, cancellationToken);
        if (!prepared.Succeeded)
            return prepared.Error;

        var stored = new List<string>();
        try
        {
            foreach (var (rendition, open) in prepared.Value)
            {
                await using var bytes = open();
                await storage.SaveAsync(rendition.StorageKey, bytes, rendition.ContentType, cancellationToken);
                stored.Add(rendition.StorageKey);
            }
            var now = clock.GetUtcNow();
            var media = MediaFile.Create(mediaId, ownerId, format, content.FileName, prepared.Value.Select(p => p.Rendition), now);
            db.MediaFiles.Add(media);
            var original = media.Original;
            db.Publish(new MediaUploaded(media.Id, ownerId, MediaKindNames.Of(media.Kind), media.ContentType, original.SizeBytes,
                original.Width, original.Height, now));
            await db.SaveChangesAsync(cancellationToken);
            return media;
        }
        catch
        {
            await RemoveAsync(stored);
            throw;
        }
    }

    private static async Task<MediaFormat?> DetectAsync(UploadedContent content, CancellationToken cancellationToken)
    {
        var header = new byte[MediaSniffer.HeaderLength];
        await using var stream = content.Open();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return MediaSniffer.Detect(header.AsSpan(0, read));
    }

    private async Task<Result<List<(MediaRendition Rendition, Func<Stream> Open)>>> PrepareImageAsync(
        Guid mediaId, UploadedContent content, MediaFormat format, CancellationToken cancellationToken)
    {
        byte[] bytes;
        await using (var stream = content.Open())
        using (var copy = new MemoryStream((int)content.Length))
        {
            await stream.CopyToAsync(copy, cancellationToken);
            bytes = copy.ToArray();
        }
        var processed = await images.ProcessAsync(bytes, format, cancellationToken);
        if (!processed.Succeeded)
            return processed.Error;
        return processed.Value
            .Select(image => (
                new MediaRendition(image.Variant, format.ContentType, StorageKeys.For(mediaId, image.Variant, format),
                    image.Bytes.Length, image.Width, image.Height, Convert.ToHexStringLower(SHA256.HashData(image.Bytes))),
                (Func<Stream>)(() => new MemoryStream(image.Bytes, writable: false))))
            .ToList();
    }

    /// <summary>Video is stored as it came: it is not decoded, so it has no variants and no known size in pixels.</summary>
    private static async Task<Result<List<(MediaRendition Rendition, Func<Stream> Open)>>> PrepareVideoAsync(
        Guid mediaId, UploadedContent content, MediaFormat format, CancellationToken cancellationToken)
    {
        string sha256;
        await using (var stream = content.Open())
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        var original = new MediaRendition(MediaVariants.Original, format.ContentType, StorageKeys.For(mediaId, MediaVariants.Original, format),
            content.Length, null, null, sha256);
        return new List<(MediaRendition, Func<Stream>)> { (original, content.Open) };
    }

    private async Task RemoveAsync(List<string> keys)
    {
        try
        {
            await storage.DeleteAsync(keys, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not remove the stored files {Keys} of an upload that failed", string.Join(", ", keys));
        }
    }
}

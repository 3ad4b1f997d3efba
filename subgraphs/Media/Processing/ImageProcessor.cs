using GoShop.BuildingBlocks.Domain;
using GoShop.Media.Domain;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace GoShop.Media.Processing;

/// <summary>
/// Turns an uploaded image into what media stores: the original decoded and re-encoded in its own format (which drops
/// EXIF, GPS, ICC and every other metadata block, after the EXIF orientation has been applied to the pixels), and the
/// medium and thumbnail variants scaled down with their aspect ratio kept. The header is read before any pixel is
/// decoded, so an image claiming more than <see cref="MediaOptions.MaxImagePixels"/> is refused without costing memory.
/// <para>
/// SkiaSharp, with its native library built without fontconfig (NativeAssets.Linux.NoDependencies): it needs nothing on
/// the machine beyond glibc, decodes and encodes JPEG, PNG and WebP itself, and exposes the image header before
/// decoding. Magick.NET would also work but brings ImageMagick's far larger set of decoders (SVG, PostScript, ...)
/// into a process that parses files from strangers.
/// </para>
/// </summary>
public sealed class ImageProcessor : IDisposable
{
    private readonly MediaOptions _options;
    private readonly SemaphoreSlim _slots;

    public ImageProcessor(IOptions<MediaOptions> options)
    {
        _options = options.Value;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentImageJobs));
    }

    public async Task<Result<IReadOnlyList<EncodedImage>>> ProcessAsync(byte[] content, MediaFormat format, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Process(content, format), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private Result<IReadOnlyList<EncodedImage>> Process(byte[] content, MediaFormat format)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || EncodedFormatOf(format) != codec.EncodedFormat)
            return MediaErrors.InvalidImage(format);
        if ((long)codec.Info.Width * codec.Info.Height > _options.MaxImagePixels)
            return MediaErrors.ImageTooLarge(_options.MaxImagePixels);

        var opaque = format == MediaFormat.Jpeg;
        var decodeInfo = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(decodeInfo);
        if (codec.GetPixels(decodeInfo, decoded.GetPixels()) != SKCodecResult.Success)
            return MediaErrors.InvalidImage(format);

        using var turned = Orient(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(turned ?? decoded);
        var renditions = new List<EncodedImage>
        {
            new(MediaVariants.Original, Encode(image, format), image.Width, image.Height),
        };
        foreach (var (variant, size) in new[] { (MediaVariants.Medium, _options.MediumSize), (MediaVariants.Thumbnail, _options.ThumbnailSize) })
        {
            var (width, height) = Fit(image.Width, image.Height, size);
            using var scaled = Scale(image, width, height, opaque);
            renditions.Add(new EncodedImage(variant, Encode(scaled, format), width, height));
        }
        return renditions;
    }

    /// <summary>The size that fits within a square of <paramref name="box"/> pixels, never larger than the image.</summary>
    internal static (int Width, int Height) Fit(int width, int height, int box)
    {
        if (width <= box && height <= box)
            return (width, height);
        var scale = (double)box / Math.Max(width, height);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static SKImage Scale(SKImage image, int width, int height, bool opaque)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.Transparent);
        // Mipmaps keep a large reduction (4000 px to 200 px) smooth instead of aliased.
        surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return surface.Snapshot();
    }

    private byte[] Encode(SKImage image, MediaFormat format)
    {
        using var encoded = image.Encode(EncodedFormatOf(format), _options.EncodingQuality)
            ?? throw new InvalidOperationException($"Skia could not encode a {format.Name} image.");
        return encoded.ToArray();
    }

    /// <summary>
    /// Applies the EXIF orientation to the pixels, since the re-encoded file carries no EXIF to say it; null when the
    /// pixels are already upright.
    /// </summary>
    private static SKBitmap? Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        float w = bitmap.Width, h = bitmap.Height;
        SKMatrix? transform = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (transform is null)
            return null;
        var swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var oriented = new SKBitmap(bitmap.Info.WithSize(swapsSides ? bitmap.Height : bitmap.Width, swapsSides ? bitmap.Width : bitmap.Height));
        using var canvas = new SKCanvas(oriented);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(transform.Value);
        using var source = SKImage.FromBitmap(bitmap);
        // Quarter turns and flips land on whole pixels: nothing to interpolate.
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return oriented;
    }

    private static SKEncodedImageFormat EncodedFormatOf(MediaFormat format) =>
        format == MediaFormat.Jpeg ? SKEncodedImageFormat.Jpeg
        : format == MediaFormat.Png ? SKEncodedImageFormat.Png
        : format == MediaFormat.WebP ? SKEncodedImageFormat.Webp
        : throw new ArgumentException($"{format.Name} is not an image format.", nameof(format));
}

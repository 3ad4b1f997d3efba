using System.Text;
using GoShop.Media.Domain;

namespace GoShop.Media.Processing;

/// <summary>
/// Recognises an accepted format from a file's first bytes (its magic number). The file name and the content type a
/// client declares are never consulted: both are whatever the client says.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 16;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Major brands of an ISO base media file (ftyp box) that are MP4 video. HEIC/AVIF images and QuickTime movies share
    /// the box format under other brands and are not accepted.
    /// </summary>
    private static readonly HashSet<string> Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV"];

    public static MediaFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
            return MediaFormat.Jpeg;
        if (header.StartsWith(PngSignature))
            return MediaFormat.Png;
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
            return MediaFormat.WebP;
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8) && BoxSize(header) >= 16
            && Mp4Brands.Contains(Encoding.ASCII.GetString(header[8..12])))
        {
            return MediaFormat.Mp4;
        }
        return null;
    }

    private static uint BoxSize(ReadOnlySpan<byte> header) =>
        (uint)(header[0] << 24 | header[1] << 16 | header[2] << 8 | header[3]);
}

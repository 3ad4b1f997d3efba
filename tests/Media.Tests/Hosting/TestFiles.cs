using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace GoShop.Media.Tests.Hosting;

/// <summary>Small real files made on the spot: images of each format, a JPEG carrying EXIF, an MP4 header, impostors.</summary>
public static class TestFiles
{
    public static byte[] Image(SKEncodedImageFormat format, int width, int height, bool transparent = false)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(transparent ? SKColors.Transparent : SKColors.SteelBlue);
        using var paint = new SKPaint { Color = SKColors.Orange, IsAntialias = true };
        surface.Canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height) => Image(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] Png(int width, int height, bool transparent = false) => Image(SKEncodedImageFormat.Png, width, height, transparent);

    public static byte[] WebP(int width, int height) => Image(SKEncodedImageFormat.Webp, width, height);

    /// <summary>The text a camera writes into EXIF that must not survive the upload.</summary>
    public const string CameraSecret = "GoShopTestCam serial 12345";

    /// <summary>
    /// A JPEG with an EXIF block (APP1) right after its start marker: camera make, and orientation 6 (the camera was
    /// turned: the picture is shown rotated 90 degrees clockwise, so a stored width x height becomes height x width).
    /// </summary>
    public static byte[] JpegWithExif(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var make = Encoding.ASCII.GetBytes(CameraSecret + "\0");
        // TIFF header (little endian), one IFD with two entries: Make (ASCII, stored after the IFD) and Orientation.
        using var tiff = new MemoryStream();
        using (var writer = new BinaryWriter(tiff, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write("II"u8);
            writer.Write((ushort)42);
            writer.Write(8u);
            writer.Write((ushort)2);
            writer.Write((ushort)0x010F); // Make
            writer.Write((ushort)2);
            writer.Write((uint)make.Length);
            writer.Write(8u + 2 + 2 * 12 + 4);
            writer.Write((ushort)0x0112); // Orientation
            writer.Write((ushort)3);
            writer.Write(1u);
            writer.Write((ushort)6);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write(make);
        }
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff.ToArray()).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>The markers of a JPEG's segments before its image data (APP0 is 0xE0, APP1/EXIF 0xE1, ...).</summary>
    public static IReadOnlyList<byte> JpegSegmentMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF)
        {
            var marker = jpeg[position + 1];
            markers.Add(marker);
            if (marker == 0xDA)
                break;
            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }
        return markers;
    }

    /// <summary>The start of an MP4 file: an ftyp box (brand isom) and an empty mdat box, which is all detection reads.</summary>
    public static byte[] Mp4(int totalBytes = 4096, string brand = "isom")
    {
        var bytes = new byte[totalBytes];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 32);
        Encoding.ASCII.GetBytes("ftyp").CopyTo(bytes, 4);
        Encoding.ASCII.GetBytes(brand).CopyTo(bytes, 8);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), 0x200);
        Encoding.ASCII.GetBytes("isomiso2avc1mp41").CopyTo(bytes, 16);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(32), (uint)(totalBytes - 32));
        Encoding.ASCII.GetBytes("mdat").CopyTo(bytes, 36);
        for (var i = 40; i < totalBytes; i++)
            bytes[i] = (byte)(i * 7);
        return bytes;
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>
    /// A valid PNG of a few hundred bytes whose header claims <paramref name="width"/> x <paramref name="height"/> pixels:
    /// decoding it in full would take gigabytes (a decompression bomb).
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(new byte[64 * 1024]);
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

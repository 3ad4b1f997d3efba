using GoShop.Contracts.Demo;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace GoShop.Media.Seed;

/// <summary>
/// Paints a demo product picture: the category's colour, a soft highlight, and its caption in large type (dark type on
/// light colours). The caption needs a TrueType font from the machine (<see cref="MediaOptions.DemoFontFile"/>, or a
/// common system font); without one the picture is painted without it.
/// </summary>
public sealed class DemoImageRenderer(IOptions<MediaOptions> options, ILogger<DemoImageRenderer> logger)
{
    public const int Size = 1200;

    private static readonly string[] FontCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    ];

    /// <summary>The picture as a JPEG, the way a seller's camera would hand it over.</summary>
    public byte[] RenderJpeg(DemoImage demo)
    {
        var background = SKColor.Parse(demo.Color);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        canvas.Clear(background);
        using (var highlight = new SKPaint { IsAntialias = true })
        {
            highlight.Shader = SKShader.CreateRadialGradient(new SKPoint(Size * 0.3f, Size * 0.25f), Size * 0.9f,
                [SKColors.White.WithAlpha(70), SKColors.White.WithAlpha(0)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Size, Size, highlight);
        }
        var ink = Luminance(background) > 0.6 ? new SKColor(0x21, 0x21, 0x21) : SKColors.White;
        using (var frame = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 12, Color = ink.WithAlpha(160) })
            canvas.DrawRoundRect(new SKRect(60, 60, Size - 60, Size - 60), 48, 48, frame);
        DrawCaption(canvas, demo.Caption, ink);

        using var image = surface.Snapshot();
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 92);
        return jpeg.ToArray();
    }

    private void DrawCaption(SKCanvas canvas, string caption, SKColor ink)
    {
        var fontFile = FindFont();
        if (fontFile is null)
        {
            logger.LogWarning("No TrueType font found (set Media:DemoFontFile): demo images are painted without captions");
            return;
        }
        using var typeface = SKTypeface.FromFile(fontFile);
        using var font = new SKFont(typeface, 150);
        // Shrink long captions to fit inside the frame.
        var width = font.MeasureText(caption);
        if (width > Size - 240)
            font.Size *= (Size - 240) / width;
        using var paint = new SKPaint { IsAntialias = true, Color = ink };
        canvas.DrawText(caption, Size / 2f, Size / 2f + font.Size / 3, SKTextAlign.Center, font, paint);
        using var small = new SKFont(typeface, 56);
        using var faint = new SKPaint { IsAntialias = true, Color = ink.WithAlpha(180) };
        canvas.DrawText("GoShop demo", Size / 2f, Size - 130, SKTextAlign.Center, small, faint);
    }

    private string? FindFont()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.DemoFontFile))
            return File.Exists(options.Value.DemoFontFile) ? options.Value.DemoFontFile : null;
        return FontCandidates.FirstOrDefault(File.Exists)
            ?? (Directory.Exists("/usr/share/fonts")
                ? Directory.EnumerateFiles("/usr/share/fonts", "*.ttf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
                : null);
    }

    private static double Luminance(SKColor color) => (0.2126 * color.Red + 0.7152 * color.Green + 0.0722 * color.Blue) / 255;
}

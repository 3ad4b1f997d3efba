using System.Text;
using GoShop.Shipping.Labels;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf.IO;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace GoShop.Shipping.Tests.Labels;

/// <summary>The label PDF: one A6 page, the tracking number as text, a QR code and a Code-128 barcode of it.</summary>
public sealed class LabelRendererTests
{
    internal static readonly LabelContent Sample = new("GSX261126K7QX3MPA", "GS-20261126-0042", "Tiệm Giày Sài Gòn",
        "1 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", "Nguyễn Thị Hương", "0901 234 567",
        "25 Đường Trần Hưng Đạo, Phường 2, Quận 5, TP. Hồ Chí Minh", 1_250, 1_250_000m, "VND",
        new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero), "Gọi trước khi giao");

    private static readonly LabelRenderer Renderer = new(Options.Create(new LabelOptions()));

    [Fact]
    public void The_label_is_a_one_page_A6_PDF()
    {
        var pdf = Renderer.Render(Sample);

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(1, document.PageCount);
        var page = document.Pages[0];
        Assert.Equal(298, page.Width.Point, 0.5);
        Assert.Equal(420, page.Height.Point, 0.5);
        Assert.Equal("GoShop label GSX261126K7QX3MPA", document.Info.Title);
    }

    [Fact]
    public void The_page_writes_the_tracking_number_as_text_and_embeds_the_font_with_Vietnamese_glyphs()
    {
        var pdf = Renderer.Render(Sample);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var content = Encoding.Latin1.GetString(document.Pages[0].Contents.CreateSingleContent().Stream.UnfilteredValue);
        Assert.Contains("(GSX261126K7QX3MPA)", content, StringComparison.Ordinal);
        // Text outside WinAnsi (ư, ơ, ạ…) is written with the embedded DejaVu Sans as a Unicode (Type0, ToUnicode) font.
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Subtype/Type0/Encoding/Identity-H/ToUnicode", raw, StringComparison.Ordinal);
        Assert.Contains("DejaVu#20Sans/FontFile2", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void The_QR_code_drawn_decodes_to_the_tracking_number()
    {
        var modules = LabelRenderer.QrModules(Sample.TrackingNumber);
        // Each module as a 4 × 4 block of grey pixels, as a scanner would see the printed squares.
        const int scale = 4;
        var size = modules.Count * scale;
        var pixels = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
                pixels[y * size + x] = modules[y / scale][x / scale] ? (byte)0 : (byte)255;
        }

        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8))));

        Assert.Equal(Sample.TrackingNumber, decoded?.Text);
    }

    [Fact]
    public void The_barcode_drawn_is_the_Code_128_of_the_tracking_number()
    {
        var modules = LabelRenderer.BarcodeModules(Sample.TrackingNumber);
        var row = new BitArray(modules.Length);
        for (var i = 0; i < modules.Length; i++)
        {
            if (modules[i])
                row[i] = true;
        }

        var decoded = new ZXing.OneD.Code128Reader().decodeRow(0, row, null);

        Assert.Equal(Sample.TrackingNumber, decoded?.Text);
    }

    [Fact]
    public void A_prepaid_parcel_renders_too()
    {
        var pdf = Renderer.Render(Sample with { CodAmount = 0m, Note = null });

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
    }
}

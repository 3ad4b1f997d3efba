using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using ZXing.OneD;

namespace GoShop.Shipping.Labels;

/// <summary>What a shipping label shows.</summary>
public sealed record LabelContent(
    string TrackingNumber,
    string OrderNumber,
    string FromName,
    string FromAddress,
    string ToName,
    string ToPhone,
    string ToAddress,
    int WeightGrams,
    decimal CodAmount,
    string Currency,
    DateTimeOffset PrintedAt,
    string? Note);

/// <summary>
/// Draws a shipping label on one A6 page (105 × 148 mm): the tracking number large with its Code-128 barcode (ZXing.Net's
/// modules drawn as bars), the sender and the recipient (Vietnamese text in an embedded DejaVu Sans), the order number,
/// the weight, the cash to collect on delivery, and a QR code of the tracking number (QRCoder's modules drawn as squares).
/// Everything is vector: it prints sharp at any resolution. The tracking number is also written in a WinAnsi-encoded font
/// so the PDF's text carries it as plain characters (searchable, and checked by the tests).
/// </summary>
public sealed class LabelRenderer(IOptions<LabelOptions> options)
{
    private const double Margin = 12;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public byte[] Render(LabelContent label)
    {
        LabelFonts.EnsureInstalled(options.Value);
        using var document = new PdfDocument();
        document.Info.Title = $"GoShop label {label.TrackingNumber}";
        document.Info.Creator = "GoShop shipping";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(105);
        page.Height = XUnit.FromMillimeter(148);
        using (var graphics = XGraphics.FromPdfPage(page))
            Draw(graphics, page.Width.Point, label);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The QR code's modules (quiet zone included) as the label draws them: true is dark.</summary>
    public static IReadOnlyList<BitArray> QrModules(string text)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M).ModuleMatrix;
    }

    /// <summary>The Code-128 bars of the text, module by module (true is a bar), quiet zones included.</summary>
    public static bool[] BarcodeModules(string text) => new Code128Writer().encode(text);

    private static void Draw(XGraphics graphics, double width, LabelContent label)
    {
        var inner = width - 2 * Margin;
        var ascii = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        var small = new XFont(LabelFonts.Family, 7);
        var text = new XFont(LabelFonts.Family, 8.5);
        var bold = new XFont(LabelFonts.Family, 9.5, XFontStyleEx.Bold);
        var title = new XFont(LabelFonts.Family, 18, XFontStyleEx.Bold, ascii);
        var y = Margin;

        graphics.DrawString("GoShop Express", bold, XBrushes.Black, new XRect(Margin, y, inner, 12), XStringFormats.TopLeft);
        graphics.DrawString(label.PrintedAt.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), small, XBrushes.Black,
            new XRect(Margin, y, inner, 12), XStringFormats.TopRight);
        y += 16;
        graphics.DrawString(label.TrackingNumber, title, XBrushes.Black, new XRect(Margin, y, inner, 22), XStringFormats.TopCenter);
        y += 24;
        DrawBars(graphics, BarcodeModules(label.TrackingNumber), new XRect(Margin, y, inner, 46));
        y += 50;
        graphics.DrawString(label.TrackingNumber, new XFont(LabelFonts.Family, 8, XFontStyleEx.Regular, ascii), XBrushes.Black,
            new XRect(Margin, y, inner, 10), XStringFormats.TopCenter);
        y += 14;
        graphics.DrawLine(XPens.Black, Margin, y, width - Margin, y);
        y += 4;

        y = Block(graphics, "Từ / From", label.FromName, label.FromAddress, text, bold, small, y, inner);
        graphics.DrawLine(XPens.Black, Margin, y, width - Margin, y);
        y += 4;
        y = Block(graphics, "Đến / To", string.IsNullOrWhiteSpace(label.ToPhone) ? label.ToName : $"{label.ToName} · {label.ToPhone}", label.ToAddress, text, bold, small, y, inner);
        if (!string.IsNullOrWhiteSpace(label.Note))
        {
            new XTextFormatter(graphics).DrawString(label.Note, small, XBrushes.Black, new XRect(Margin, y, inner, 18), XStringFormats.TopLeft);
            y += 20;
        }
        graphics.DrawLine(XPens.Black, Margin, y, width - Margin, y);
        y += 6;

        const double qrSize = 92;
        DrawQr(graphics, QrModules(label.TrackingNumber), new XRect(width - Margin - qrSize, y, qrSize, qrSize));
        var facts = inner - qrSize - 6;
        graphics.DrawString($"Mã đơn / Order: {label.OrderNumber}", text, XBrushes.Black, new XRect(Margin, y, facts, 12), XStringFormats.TopLeft);
        graphics.DrawString($"Khối lượng / Weight: {(label.WeightGrams / 1000m).ToString("0.###", Vietnamese)} kg", text, XBrushes.Black,
            new XRect(Margin, y + 14, facts, 12), XStringFormats.TopLeft);
        var cod = label.CodAmount > 0
            ? $"Thu hộ COD: {label.CodAmount.ToString("#,0", Vietnamese)} {(label.Currency == "VND" ? "đ" : label.Currency)}"
            : "Đã thanh toán / Prepaid";
        graphics.DrawString(cod, new XFont(LabelFonts.Family, label.CodAmount > 0 ? 12 : 10, XFontStyleEx.Bold), XBrushes.Black,
            new XRect(Margin, y + 34, facts, 16), XStringFormats.TopLeft);
        graphics.DrawString("Cho xem hàng, không thử / Open to inspect, no trying", small, XBrushes.Black,
            new XRect(Margin, y + 58, facts, 10), XStringFormats.TopLeft);
    }

    /// <summary>A heading, a bold first line and a wrapped address; answers the y below it.</summary>
    private static double Block(XGraphics graphics, string heading, string name, string address, XFont text, XFont bold, XFont small, double y, double width)
    {
        graphics.DrawString(heading, small, XBrushes.Black, new XRect(Margin, y, width, 9), XStringFormats.TopLeft);
        graphics.DrawString(name, bold, XBrushes.Black, new XRect(Margin, y + 10, width, 12), XStringFormats.TopLeft);
        new XTextFormatter(graphics).DrawString(address, text, XBrushes.Black, new XRect(Margin, y + 24, width, 32), XStringFormats.TopLeft);
        return y + 58;
    }

    private static void DrawBars(XGraphics graphics, bool[] modules, XRect area)
    {
        var module = area.Width / modules.Length;
        for (var i = 0; i < modules.Length; i++)
        {
            if (!modules[i])
                continue;
            var run = 1;
            while (i + run < modules.Length && modules[i + run])
                run++;
            graphics.DrawRectangle(XBrushes.Black, area.X + i * module, area.Y, run * module, area.Height);
            i += run - 1;
        }
    }

    private static void DrawQr(XGraphics graphics, IReadOnlyList<BitArray> modules, XRect area)
    {
        var module = area.Width / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Count; column++)
            {
                if (modules[row][column])
                    graphics.DrawRectangle(XBrushes.Black, area.X + column * module, area.Y + row * module, module, module);
            }
        }
    }
}

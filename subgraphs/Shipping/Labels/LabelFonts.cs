using PdfSharp.Fonts;

namespace GoShop.Shipping.Labels;

/// <summary>
/// PDFsharp 6 reads no system fonts on Linux: this resolver hands it one TrueType family with Vietnamese glyphs (DejaVu
/// Sans by default, from Debian's fonts-dejavu-core), whatever family the drawing code names. PDFsharp's resolver is
/// global to the process and may be set once, so the first label sets it and later ones reuse it.
/// </summary>
public sealed class LabelFonts : IFontResolver
{
    public const string Family = "GoShopLabel";

    private static readonly Lock Gate = new();
    private static LabelFonts? _installed;

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    private LabelFonts(byte[] regular, byte[] bold)
    {
        _regular = regular;
        _bold = bold;
    }

    /// <summary>Installs the resolver once for the process, from the first folder that has both fonts.</summary>
    public static void EnsureInstalled(LabelOptions options)
    {
        lock (Gate)
        {
            if (_installed is not null)
                return;
            var folder = options.FontDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, options.RegularFont)) && File.Exists(Path.Combine(d, options.BoldFont)))
                ?? throw new InvalidOperationException(
                    $"The label fonts {options.RegularFont} and {options.BoldFont} are in none of {string.Join(", ", options.FontDirectories)}: " +
                    "install Debian's fonts-dejavu-core or set Shipping:Labels:FontDirectories.");
            _installed = new LabelFonts(File.ReadAllBytes(Path.Combine(folder, options.RegularFont)), File.ReadAllBytes(Path.Combine(folder, options.BoldFont)));
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "label-bold" : "label-regular");

    public byte[] GetFont(string faceName) => faceName == "label-bold" ? _bold : _regular;
}

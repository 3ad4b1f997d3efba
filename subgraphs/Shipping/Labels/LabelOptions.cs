namespace GoShop.Shipping.Labels;

/// <summary>Configuration section <c>Shipping:Labels</c>.</summary>
public sealed class LabelOptions
{
    public const string Section = "Shipping:Labels";

    /// <summary>The key development machines share; used only in Development when <see cref="SigningKey"/> is not set.</summary>
    public const string DevelopmentSigningKey = "goshop-labels-development-key";

    /// <summary>The HMAC-SHA256 key label URLs are signed with (at least 16 characters). Required outside Development.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long a label URL works after createShippingLabel answered it.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Where a browser reaches the shipping subgraph's <c>/labels</c> route (the gateway does not forward it).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8009";

    /// <summary>Folders searched for the label fonts, in order (Debian's fonts-dejavu-core installs the first).</summary>
    public List<string> FontDirectories { get; set; } = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];

    /// <summary>A TrueType font with Vietnamese glyphs, and its bold face.</summary>
    public string RegularFont { get; set; } = "DejaVuSans.ttf";

    public string BoldFont { get; set; } = "DejaVuSans-Bold.ttf";
}

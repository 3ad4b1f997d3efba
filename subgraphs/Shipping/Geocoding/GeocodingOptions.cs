namespace GoShop.Shipping.Geocoding;

/// <summary>Configuration section <c>Shipping:Geocoding</c>.</summary>
public sealed class GeocodingOptions
{
    public const string Section = "Shipping:Geocoding";

    public const string GazetteerProvider = "gazetteer";
    public const string HttpProvider = "http";

    /// <summary><c>gazetteer</c> (offline, the default) or <c>http</c> (a Nominatim-style service at <see cref="BaseUrl"/>).</summary>
    public string Provider { get; set; } = GazetteerProvider;

    /// <summary>The HTTP geocoder's address, e.g. https://nominatim.openstreetmap.org/.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Who is asking (Nominatim's usage policy requires a real one).</summary>
    public string UserAgent { get; set; } = "GoShop-Shipping/1.0";

    /// <summary>The countries the HTTP geocoder searches (ISO 3166-1 alpha-2, comma-separated).</summary>
    public string CountryCodes { get; set; } = "vn";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}

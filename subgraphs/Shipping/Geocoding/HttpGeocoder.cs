using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Geocoding;

/// <summary>
/// Geocodes through a Nominatim-style HTTP service (<c>Shipping:Geocoding:Provider=http</c>, <c>BaseUrl</c>):
/// <c>GET {BaseUrl}/search?q=…&amp;format=jsonv2&amp;limit=1&amp;addressdetails=1&amp;countrycodes=vn</c>. The first
/// hit's <c>addresstype</c> gives the precision. No hit is ADDRESS_NOT_FOUND; a service that does not answer is
/// GEOCODER_UNAVAILABLE — never a made-up point.
/// </summary>
public sealed class HttpGeocoder(HttpClient http, IOptions<GeocodingOptions> options, ILogger<HttpGeocoder> logger) : IGeocoder
{
    public async Task<GeocodeResult> GeocodeAsync(AddressQuery query, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
            return GeocodeResult.NotFound(GeocodingErrors.AddressRequired, []);
        var line = query.OneLine;
        var url = $"search?q={Uri.EscapeDataString(line)}&format=jsonv2&limit=1&addressdetails=1&countrycodes={Uri.EscapeDataString(options.Value.CountryCodes)}";
        var answer = await InternalApi.CallAsync(() => http.GetFromJsonAsync<List<Hit>>(url, cancellationToken), GeocodingErrors.GeocoderUnavailable,
            logger, cancellationToken, "geocode an address");
        if (!answer.Succeeded)
            return GeocodeResult.NotFound(answer.Error, []);
        if (answer.Value is not [var hit, ..] || !TryPoint(hit, out var point))
            return GeocodeResult.NotFound(GeocodingErrors.AddressNotFound(line), []);
        var address = hit.Address ?? new HitAddress();
        var place = new GeocodedPlace(address.Suburb ?? address.Quarter, address.CityDistrict ?? address.District ?? address.County,
            address.City ?? address.Town ?? address.State ?? hit.DisplayName ?? line, null);
        return GeocodeResult.Located(point, Precision(hit.AddressType), place);
    }

    private static bool TryPoint(Hit hit, out GeoPoint point)
    {
        point = new GeoPoint(0, 0);
        if (!double.TryParse(hit.Lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(hit.Lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng) || !GeoPoint.IsValid(lat, lng))
            return false;
        point = new GeoPoint(lat, lng);
        return true;
    }

    private static GeoPrecision Precision(string? addressType) => addressType switch
    {
        "state" or "province" or "region" => GeoPrecision.Province,
        "city" or "town" or "municipality" => GeoPrecision.City,
        "city_district" or "district" or "county" or "borough" => GeoPrecision.District,
        // A suburb, a quarter, a street or a house: at least as precise as a ward.
        _ => GeoPrecision.Ward,
    };

    private sealed record Hit(
        string? Lat,
        string? Lon,
        [property: JsonPropertyName("display_name")] string? DisplayName,
        [property: JsonPropertyName("addresstype")] string? AddressType,
        HitAddress? Address);

    private sealed record HitAddress(
        string? Suburb = null,
        string? Quarter = null,
        [property: JsonPropertyName("city_district")] string? CityDistrict = null,
        string? District = null,
        string? County = null,
        string? City = null,
        string? Town = null,
        string? State = null);
}

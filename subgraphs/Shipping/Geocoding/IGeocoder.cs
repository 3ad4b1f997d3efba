using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shipping.Geocoding;

/// <summary>
/// An address to locate: its parts when known (ward, district, city as people write them), or free text
/// ("12 Lê Lợi, P. Bến Nghé, Q1, TP HCM") in <see cref="Text"/>; the parts win when both are given.
/// </summary>
public sealed record AddressQuery(string? Text = null, string? Ward = null, string? District = null, string? City = null, string? Country = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Ward) && string.IsNullOrWhiteSpace(District)
        && string.IsNullOrWhiteSpace(City);

    /// <summary>One line, for the HTTP geocoder and for messages.</summary>
    public string OneLine => string.Join(", ", new[] { Text, Ward, District, City, Country }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}

/// <summary>The place found, named as the gazetteer (or the provider) names it.</summary>
public sealed record GeocodedPlace(string? Ward, string? District, string City, string? ProvinceCode);

/// <summary>
/// What geocoding answered: a point with the place's normalised names and how precise it is, or — never a silent (0,0)
/// — not found, with <see cref="Error"/> (ADDRESS_NOT_FOUND, CITY_NOT_FOUND, DISTRICT_NOT_FOUND) and suggestions of
/// what the person may have meant. <see cref="Issues"/> are parts that could not be matched although the rest located the
/// address (an unknown ward: the district's point is answered), each with its own suggestions.
/// </summary>
public sealed record GeocodeResult(
    GeoPoint? Point,
    GeoPrecision? Precision,
    GeocodedPlace? Place,
    DomainError? Error,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<DomainError> Issues)
{
    public bool Found => Point is not null;

    public static GeocodeResult Located(GeoPoint point, GeoPrecision precision, GeocodedPlace place, IReadOnlyList<DomainError>? issues = null,
        IReadOnlyList<string>? suggestions = null) =>
        new(point, precision, place, null, suggestions ?? [], issues ?? []);

    public static GeocodeResult NotFound(DomainError error, IReadOnlyList<string> suggestions) => new(null, null, null, error, suggestions, []);
}

/// <summary>Finds where an address is. The default is <see cref="GazetteerGeocoder"/> (offline); <see cref="HttpGeocoder"/> asks a Nominatim-style service.</summary>
public interface IGeocoder
{
    Task<GeocodeResult> GeocodeAsync(AddressQuery query, CancellationToken cancellationToken);
}

public static class GeocodingErrors
{
    public static DomainError AddressRequired { get; } = new("ADDRESS_REQUIRED", "Give the address: at least its city or province.", "address");

    public static DomainError AddressNotFound(string address) =>
        new("ADDRESS_NOT_FOUND", $"No place called '{address}' is known; check the city or province.", "address");

    public static DomainError CityNotFound(string city) =>
        new("CITY_NOT_FOUND", $"'{city}' is not a province or city of Vietnam.", "city");

    public static DomainError DistrictNotFound(string district, string city) =>
        new("DISTRICT_NOT_FOUND", $"'{district}' is not a district of {city}.", "district");

    public static DomainError WardNotFound(string ward, string district) =>
        new("WARD_NOT_FOUND", $"'{ward}' is not a ward of {district}; the address was located at the district.", "ward");

    public static DomainError GeocoderUnavailable { get; } =
        new("GEOCODER_UNAVAILABLE", "The geocoding service did not answer; try again shortly.", "address");
}

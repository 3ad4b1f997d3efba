namespace GoShop.Shipping.Geocoding;

/// <summary>
/// Geocodes offline from the <see cref="Gazetteer"/>: the province or city first (aliases and diacritics optional), then —
/// in Hà Nội, Hồ Chí Minh City and Đà Nẵng — the district and the ward. The answer's precision is that of the point the
/// gazetteer holds for the most detailed unit matched (a ward without a point of its own answers its district's, and
/// says so). A district outside the three detailed cities is not checked: the province's point is answered, PROVINCE.
/// </summary>
public sealed class GazetteerGeocoder : IGeocoder
{
    private static readonly HashSet<string> CountryKeys = ["vietnam", "vn", "conghoaxahoichunghiavietnam"];

    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, GazetteerProvince> _provinces;
    private readonly Dictionary<(string Province, string Key), GazetteerDistrict> _districts;
    private readonly Dictionary<(string District, string Key), GazetteerWard> _wards;

    public GazetteerGeocoder(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _provinces = gazetteer.Provinces.ToDictionary(p => PlaceNames.ProvinceKey(p.Name));
        _districts = gazetteer.Districts.ToDictionary(d => (d.Province.Code, PlaceNames.DistrictKey(d.Name)));
        // Two wards of one district never share a name, but be safe: the first wins.
        _wards = gazetteer.Wards.GroupBy(w => (w.District.Code, PlaceNames.WardKey(w.Name))).ToDictionary(g => g.Key, g => g.First());
    }

    public Task<GeocodeResult> GeocodeAsync(AddressQuery query, CancellationToken cancellationToken) => Task.FromResult(Geocode(query));

    public GeocodeResult Geocode(AddressQuery query)
    {
        if (query.IsEmpty)
            return GeocodeResult.NotFound(GeocodingErrors.AddressRequired, []);
        return string.IsNullOrWhiteSpace(query.City) ? FromText(query.Text!) : FromParts(query.Ward, query.District, query.City!);
    }

    /// <summary>"…, ward, district, city[, country]": the city is the last part that names a province; the parts before it are the district and the ward.</summary>
    private GeocodeResult FromText(string text)
    {
        var parts = text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !CountryKeys.Contains(Gazetteer.Fold(p).Replace(" ", "", StringComparison.Ordinal)))
            .ToList();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            if (!_provinces.ContainsKey(PlaceNames.ProvinceKey(parts[i])))
                continue;
            var district = i >= 1 ? parts[i - 1] : null;
            var ward = i >= 2 ? parts[i - 2] : null;
            // "Phường Bến Nghé, Quận 1, TP HCM": with no district before the city, there is none to check.
            return FromParts(ward, district, parts[i]);
        }
        var last = parts.Count > 0 ? parts[^1] : text;
        return GeocodeResult.NotFound(GeocodingErrors.AddressNotFound(text.Trim()), ProvinceSuggestions(last));
    }

    private GeocodeResult FromParts(string? wardText, string? districtText, string cityText)
    {
        if (!_provinces.TryGetValue(PlaceNames.ProvinceKey(cityText), out var province))
            return GeocodeResult.NotFound(GeocodingErrors.CityNotFound(cityText.Trim()), ProvinceSuggestions(cityText));
        var provinceOnly = GeocodeResult.Located(province.Point, province.IsCity ? GeoPrecision.City : GeoPrecision.Province,
            new GeocodedPlace(null, null, province.FullName, province.Code));
        if (string.IsNullOrWhiteSpace(districtText) || !_gazetteer.DistrictsOf[province.Code].Any())
            return provinceOnly;

        if (!_districts.TryGetValue((province.Code, PlaceNames.DistrictKey(districtText)), out var district))
        {
            var near = PlaceNames.Nearest(PlaceNames.DistrictKey(districtText), _gazetteer.DistrictsOf[province.Code], d => PlaceNames.DistrictKey(d.Name));
            return GeocodeResult.NotFound(GeocodingErrors.DistrictNotFound(districtText.Trim(), province.FullName),
                near.Select(d => $"{d.FullName}, {province.FullName}").ToList());
        }
        var atDistrict = new GeocodedPlace(null, district.FullName, province.FullName, province.Code);
        if (string.IsNullOrWhiteSpace(wardText))
            return GeocodeResult.Located(district.Point, district.Precision, atDistrict);

        if (!_wards.TryGetValue((district.Code, PlaceNames.WardKey(wardText)), out var ward))
        {
            var near = PlaceNames.Nearest(PlaceNames.WardKey(wardText), _gazetteer.WardsOf[district.Code], w => PlaceNames.WardKey(w.Name));
            return GeocodeResult.Located(district.Point, district.Precision, atDistrict,
                [GeocodingErrors.WardNotFound(wardText.Trim(), district.FullName)],
                near.Select(w => $"{w.FullName}, {district.FullName}, {province.FullName}").ToList());
        }
        return GeocodeResult.Located(ward.Point, ward.Precision, atDistrict with { Ward = ward.FullName });
    }

    private List<string> ProvinceSuggestions(string text) =>
        PlaceNames.Nearest(PlaceNames.ProvinceKey(text), _gazetteer.Provinces, p => PlaceNames.ProvinceKey(p.Name)).Select(p => p.FullName).ToList();
}

using System.Text.Json;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Text;

namespace GoShop.Shipping.Geocoding;

/// <summary>How closely a geocoded point locates the address: the ward's own point, or the district's, city's or province's.</summary>
public enum GeoPrecision
{
    [System.ComponentModel.Description("The point is the ward's (phường, xã), or finer.")]
    Ward,

    [System.ComponentModel.Description("The point is the district's (quận, huyện).")]
    District,

    [System.ComponentModel.Description("The point is the centrally-run city's (thành phố).")]
    City,

    [System.ComponentModel.Description("The point is the province's (tỉnh).")]
    Province,
}

/// <summary>A province or centrally-run city (the 63 units before the 2025 reorganisation).</summary>
public sealed record GazetteerProvince(string Code, string Name, string Type, GeoPoint Point)
{
    /// <summary>"Thành phố Hồ Chí Minh", "Tỉnh Lào Cai".</summary>
    public string FullName => Type == "Tỉnh" ? $"Tỉnh {Name}" : $"Thành phố {Name}";

    public bool IsCity => Type != "Tỉnh";
}

public sealed record GazetteerDistrict(string Code, GazetteerProvince Province, string Name, string Type, GeoPoint Point, GeoPrecision Precision)
{
    /// <summary>"Quận 1", "Huyện Củ Chi", "Thành phố Thủ Đức".</summary>
    public string FullName => $"{Type} {Name}";
}

public sealed record GazetteerWard(string Code, GazetteerDistrict District, string Name, string Type, GeoPoint Point, GeoPrecision Precision)
{
    /// <summary>"Phường Bến Nghé", "Xã Tân Thông Hội".</summary>
    public string FullName => $"{Type} {Name}";
}

/// <summary>
/// Vietnam's administrative units with their points, read once from <c>Geocoding/Data/vietnam-gazetteer.json</c>
/// (shipped next to the assembly; sources, licences and how each point was obtained: Data/NOTICE.md). The 63 provinces,
/// and the districts and wards of Hà Nội, Hồ Chí Minh City and Đà Nẵng. Immutable: one instance for the process.
/// </summary>
public sealed class Gazetteer
{
    public const string DataFile = "Geocoding/Data/vietnam-gazetteer.json";

    private Gazetteer(IReadOnlyList<GazetteerProvince> provinces, IReadOnlyList<GazetteerDistrict> districts, IReadOnlyList<GazetteerWard> wards)
    {
        Provinces = provinces;
        Districts = districts;
        Wards = wards;
        DistrictsOf = districts.ToLookup(d => d.Province.Code);
        WardsOf = wards.ToLookup(w => w.District.Code);
    }

    public IReadOnlyList<GazetteerProvince> Provinces { get; }

    public IReadOnlyList<GazetteerDistrict> Districts { get; }

    public IReadOnlyList<GazetteerWard> Wards { get; }

    public ILookup<string, GazetteerDistrict> DistrictsOf { get; }

    public ILookup<string, GazetteerWard> WardsOf { get; }

    public GazetteerProvince Province(string code) => Provinces.Single(p => p.Code == code);

    /// <summary>The gazetteer shipped with the subgraph.</summary>
    public static Gazetteer Load() => Load(Path.Combine(AppContext.BaseDirectory, DataFile));

    public static Gazetteer Load(string path)
    {
        using var stream = File.OpenRead(path);
        var data = JsonSerializer.Deserialize<Data>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"The gazetteer {path} is empty.");
        var provinces = data.Provinces.Select(p => new GazetteerProvince(p.Code, p.Name, p.Type, new GeoPoint(p.Lat, p.Lng))).ToList();
        var provinceByCode = provinces.ToDictionary(p => p.Code);
        var districts = data.Districts.Select(d => new GazetteerDistrict(d.Code, provinceByCode[d.Province!], d.Name, d.Type,
            new GeoPoint(d.Lat, d.Lng), ParsePrecision(d.Precision))).ToList();
        var districtByCode = districts.ToDictionary(d => d.Code);
        var wards = data.Wards.Select(w => new GazetteerWard(w.Code, districtByCode[w.District!], w.Name, w.Type,
            new GeoPoint(w.Lat, w.Lng), ParsePrecision(w.Precision))).ToList();
        return new Gazetteer(provinces, districts, wards);
    }

    private static GeoPrecision ParsePrecision(string? value) =>
        Enum.Parse<GeoPrecision>(value ?? nameof(GeoPrecision.Province), ignoreCase: true);

    /// <summary>
    /// Text folded for comparison: lower case, without diacritics (đ as d), punctuation as spaces, single spaces.
    /// "Quận 1" → "quan 1", "Q.1" → "q 1", "Hồ Chí Minh" → "ho chi minh".
    /// </summary>
    public static string Fold(string? text) => Diacritics.Fold(text);

    private sealed record Data(List<Unit> Provinces, List<Unit> Districts, List<Unit> Wards);

    private sealed record Unit(string Code, string Name, string Type, double Lat, double Lng, string? Province, string? District, string? Precision);
}

namespace GoShop.BuildingBlocks.Domain;

/// <summary>A WGS-84 coordinate in decimal degrees.</summary>
public sealed record GeoPoint(double Lat, double Lng)
{
    public static bool IsValid(double lat, double lng) =>
        !double.IsNaN(lat) && !double.IsNaN(lng) && lat is >= -90 and <= 90 && lng is >= -180 and <= 180;
}

namespace GoShop.BuildingBlocks.Domain;

/// <summary>A WGS-84 coordinate in decimal degrees.</summary>
public sealed record GeoPoint(double Lat, double Lng)
{
    private const double EarthRadiusKm = 6371.0088;

    public static bool IsValid(double lat, double lng) =>
        !double.IsNaN(lat) && !double.IsNaN(lng) && lat is >= -90 and <= 90 && lng is >= -180 and <= 180;

    /// <summary>The great-circle (haversine) distance to <paramref name="other"/>, in kilometres, on the mean Earth radius.</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(other.Lat - Lat) / 2), 2)
            + Math.Cos(Radians(Lat)) * Math.Cos(Radians(other.Lat)) * Math.Pow(Math.Sin(Radians(other.Lng - Lng) / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

using System.Text.Json;
using GoShop.BuildingBlocks.Domain;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Tests;

/// <summary>
/// shopsNear against known places in Hanoi. Distances are checked against the great-circle distance (PostGIS measures
/// on the WGS-84 spheroid, which differs by well under one percent at these ranges). Each test searches a category
/// of its own, so the shops of other tests never show up.
/// </summary>
public sealed class ShopsNearTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    private static readonly (double Lat, double Lng) HoanKiemLake = (21.0285, 105.8542);
    private static readonly (double Lat, double Lng) OperaHouse = (21.0245, 105.8575);
    private static readonly (double Lat, double Lng) TempleOfLiterature = (21.0277, 105.8355);
    private static readonly (double Lat, double Lng) WestLake = (21.0655, 105.8262);
    private static readonly (double Lat, double Lng) NoiBaiAirport = (21.2187, 105.8042);

    [Fact]
    public async Task Shops_within_the_radius_come_nearest_first_with_their_distance()
    {
        var category = Category();
        var seller = app.NewUser();
        var westLake = await OpenAtAsync(seller, WestLake, category);
        var opera = await OpenAtAsync(seller, OperaHouse, category);
        var airport = await OpenAtAsync(seller, NoiBaiAirport, category);
        var temple = await OpenAtAsync(seller, TempleOfLiterature, category);

        var within10 = await NearAsync(HoanKiemLake, radiusKm: 10, category);
        var within25 = await NearAsync(HoanKiemLake, radiusKm: 25, category);

        Assert.Equal([opera, temple, westLake], within10.Select(n => n.Id));
        AssertDistance(0.561, within10[0].DistanceKm);
        AssertDistance(1.943, within10[1].DistanceKm);
        AssertDistance(5.037, within10[2].DistanceKm);
        Assert.Equal([opera, temple, westLake, airport], within25.Select(n => n.Id));
        AssertDistance(21.776, within25[3].DistanceKm);
        AssertDistance(GreatCircleKm(HoanKiemLake, NoiBaiAirport), within25[3].DistanceKm);
    }

    [Fact]
    public async Task The_radius_defaults_to_ten_kilometres_and_first_limits_the_answer()
    {
        var category = Category();
        var seller = app.NewUser();
        var opera = await OpenAtAsync(seller, OperaHouse, category);
        await OpenAtAsync(seller, TempleOfLiterature, category);
        await OpenAtAsync(seller, NoiBaiAirport, category);

        var byDefault = await NearAsync(HoanKiemLake, radiusKm: null, category);
        var firstOnly = await NearAsync(HoanKiemLake, radiusKm: null, category, first: 1);

        Assert.Equal(2, byDefault.Count);
        Assert.Equal([opera], firstOnly.Select(n => n.Id));
    }

    [Fact]
    public async Task Suspended_and_closed_shops_are_not_found_nearby()
    {
        var category = Category();
        var seller = app.NewUser();
        var open = await OpenAtAsync(seller, OperaHouse, category);
        var suspended = await OpenAtAsync(seller, OperaHouse, category);
        var closed = await OpenAtAsync(seller, TempleOfLiterature, category);
        (await app.NewAdmin().Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId = suspended, status = "SUSPENDED" } })).Succeeded();
        (await seller.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId = closed } })).Succeeded();

        Assert.Equal([open], (await NearAsync(HoanKiemLake, radiusKm: 10, category)).Select(n => n.Id));
    }

    [Theory]
    [InlineData(0.0, 20)]
    [InlineData(-5.0, 20)]
    [InlineData(100.5, 20)]
    [InlineData(10.0, 0)]
    [InlineData(10.0, 101)]
    public async Task A_radius_or_count_out_of_bounds_is_bad_user_input(double radiusKm, int first)
    {
        var response = await app.Client().SendAsync(Operations.ShopsNear,
            new { location = new { lat = HoanKiemLake.Lat, lng = HoanKiemLake.Lng }, radiusKm, first });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_search_filters_with_ST_DWithin_on_geography_which_the_GiST_index_serves()
    {
        app.Factory.Commands.Reset();
        await NearAsync(HoanKiemLake, radiusKm: 10, Category());
        var sql = Assert.Single(app.Factory.Commands.Commands);
        Assert.Contains("ST_DWithin", sql, StringComparison.Ordinal);
        Assert.Contains("ST_Distance", sql, StringComparison.Ordinal);

        var plan = await app.InDatabaseAsync(async db =>
        {
            await using var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // With sequential scans priced out, the plan shows whether the index can answer the predicate at all.
            command.CommandText = """
                SET enable_seqscan = off;
                EXPLAIN SELECT id FROM shops WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint(105.8542, 21.0285), 4326)::geography, 10000);
                """;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
            return string.Join('\n', lines);
        });
        Assert.Contains("ix_shops_location", plan, StringComparison.Ordinal);
    }

    private async Task<Guid> OpenAtAsync(Person seller, (double Lat, double Lng) place, string category) =>
        await seller.CreateShopIdAsync(Operations.ShopInput($"Gần {ShopMutationTests.Unique()}", place.Lat, place.Lng)
            .With(("categories", new[] { category })));

    private async Task<List<(Guid Id, double DistanceKm)>> NearAsync((double Lat, double Lng) from, double? radiusKm, string category, int? first = null)
    {
        var response = (await app.Client().SendAsync(Operations.ShopsNear,
            new { location = new { lat = from.Lat, lng = from.Lng }, radiusKm, category, first })).EnsureNoErrors();
        return response.Get("shopsNear").EnumerateArray()
            .Select(n => (n.GetProperty("shop").Id(), n.GetProperty("distanceKm").GetDouble()))
            .ToList();
    }

    private static string Category() => "near-" + ShopMutationTests.Unique();

    private static void AssertDistance(double expectedKm, double actualKm) =>
        Assert.True(Math.Abs(expectedKm - actualKm) <= expectedKm * 0.005 + 0.005, $"Expected about {expectedKm} km, got {actualKm} km.");

    private static double GreatCircleKm((double Lat, double Lng) a, (double Lat, double Lng) b) =>
        new GeoPoint(a.Lat, a.Lng).DistanceKmTo(new GeoPoint(b.Lat, b.Lng));
}

using System.Text.Json;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;

namespace GoShop.Shipping.Tests.Geocoding;

/// <summary>geocode and validateAddress through GraphQL: points with normalised names, or userErrors with suggestions.</summary>
public sealed class GeocodingQueryTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    private const string Fields = "location { lat lng } precision ward district city suggestions userErrors { code field message }";

    [Fact]
    public async Task An_address_written_without_diacritics_and_with_abbreviations_is_found_and_named_properly()
    {
        var result = await GeocodeAsync("12 Le Loi, P. Ben Nghe, Q1, TP HCM");

        Assert.True(result.GetProperty("found").GetBoolean());
        Assert.Equal(("Phường Bến Nghé", "Quận 1", "Thành phố Hồ Chí Minh"), (result.Text("ward"), result.Text("district"), result.Text("city")));
        Assert.InRange(result.Get("location.lat").GetDouble(), 10.7, 10.8);
        Assert.Empty(result.GetProperty("userErrors").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_place_is_not_found_with_a_user_error_and_suggestions_never_a_point()
    {
        var result = await GeocodeAsync("5 Tran Phu, Da Nag");

        Assert.False(result.GetProperty("found").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("location").ValueKind);
        var error = Assert.Single(result.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(("ADDRESS_NOT_FOUND", "address"), (error.Text("code"), error.GetProperty("field")[0].GetString()));
        Assert.Contains("Thành phố Đà Nẵng", result.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_valid_address_validates_with_its_point_and_normalised_parts()
    {
        var payload = await ValidateAsync(new { line1 = "25 Trần Hưng Đạo", ward = "Phuong Dich Vong", district = "Q. Cau Giay", city = "Ha Noi", country = "VN" });

        Assert.True(payload.GetProperty("valid").GetBoolean());
        Assert.Equal(("25 Trần Hưng Đạo", "Phường Dịch Vọng", "Quận Cầu Giấy", "Thành phố Hà Nội", "WARD"),
            (payload.Text("line1"), payload.Text("ward"), payload.Text("district"), payload.Text("city"), payload.Text("precision")));
    }

    [Fact]
    public async Task Each_unknown_part_is_a_user_error_on_its_field_with_suggestions()
    {
        var ward = await ValidateAsync(new { ward = "Ben Nghee", district = "Quan 1", city = "Sai Gon" });
        var district = await ValidateAsync(new { district = "Hai Ba Trung Xyz", city = "Hà Nội" });
        var city = await ValidateAsync(new { city = "Ha Nol" });
        var blank = await ValidateAsync(new { city = " ", district = new string('x', 101) });

        Assert.False(ward.GetProperty("valid").GetBoolean());
        Assert.Equal("DISTRICT", ward.Text("precision"));
        Assert.Equal(["WARD_NOT_FOUND"], ward.UserErrorCodes());
        Assert.Equal(["input", "ward"], ward.Get("userErrors.0.field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", ward.Get("suggestions.0").GetString());
        Assert.Equal(["DISTRICT_NOT_FOUND"], district.UserErrorCodes());
        Assert.Contains("Quận Hai Bà Trưng, Thành phố Hà Nội", district.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["CITY_NOT_FOUND"], city.UserErrorCodes());
        Assert.Equal(JsonValueKind.Null, city.GetProperty("location").ValueKind);
        Assert.Equal(["TOO_LONG", "REQUIRED"], blank.UserErrorCodes());
    }

    private async Task<JsonElement> GeocodeAsync(string address) =>
        (await app.Client().SendAsync($$"""query($address: String!) { geocode(address: $address) { found {{Fields}} } }""", new { address }))
        .EnsureNoErrors().Get("geocode");

    private async Task<JsonElement> ValidateAsync(object input) =>
        (await app.Client().SendAsync($$"""query($input: ValidateAddressInput!) { validateAddress(input: $input) { valid line1 {{Fields}} } }""", new { input }))
        .EnsureNoErrors().Get("validateAddress");
}

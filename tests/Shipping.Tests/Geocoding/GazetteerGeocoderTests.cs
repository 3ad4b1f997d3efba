using GoShop.Shipping.Geocoding;

namespace GoShop.Shipping.Tests.Geocoding;

/// <summary>The offline geocoder: diacritics optional, the ways people write districts and cities, suggestions for the unknown.</summary>
public sealed class GazetteerGeocoderTests
{
    private static readonly Gazetteer Places = Gazetteer.Load();
    private static readonly GazetteerGeocoder Geocoder = new(Places);

    [Fact]
    public void The_gazetteer_has_the_63_provinces_and_the_districts_and_wards_of_the_three_big_cities()
    {
        Assert.Equal(63, Places.Provinces.Count);
        Assert.Equal(30, Places.DistrictsOf["01"].Count());
        Assert.Equal(22, Places.DistrictsOf["79"].Count());
        Assert.Equal(8, Places.DistrictsOf["48"].Count());
        Assert.True(Places.Wards.Count > 900);
        Assert.All(Places.Provinces, p => Assert.True(p.Point.Lat is > 8 and < 24 && p.Point.Lng is > 102 and < 110, p.Name));
        Assert.All(Places.Wards, w => Assert.NotEqual(GeoPrecision.Province, w.Precision));
    }

    [Theory]
    [InlineData("Quận 1")]
    [InlineData("Q1")]
    [InlineData("Q.1")]
    [InlineData("q. 01")]
    [InlineData("District 1")]
    [InlineData("quan 1")]
    public void District_1_is_found_however_it_is_written(string district)
    {
        var found = Geocoder.Geocode(new AddressQuery(District: district, City: "Hồ Chí Minh"));

        Assert.True(found.Found);
        Assert.Equal(("Quận 1", "Thành phố Hồ Chí Minh"), (found.Place!.District, found.Place.City));
        Assert.Equal(GeoPrecision.District, found.Precision);
        Assert.InRange(found.Point!.Lat, 10.75, 10.80);
    }

    [Theory]
    [InlineData("TP HCM")]
    [InlineData("TP. Hồ Chí Minh")]
    [InlineData("HCMC")]
    [InlineData("Sài Gòn")]
    [InlineData("saigon")]
    [InlineData("Ho Chi Minh City")]
    [InlineData("thanh pho ho chi minh")]
    public void Ho_Chi_Minh_City_is_known_by_its_aliases(string city)
    {
        var found = Geocoder.Geocode(new AddressQuery(City: city));

        Assert.Equal(("Thành phố Hồ Chí Minh", "79", GeoPrecision.City), (found.Place!.City, found.Place.ProvinceCode, found.Precision));
    }

    [Fact]
    public void Diacritics_are_optional_and_a_ward_with_a_point_of_its_own_is_ward_precise()
    {
        var plain = Geocoder.Geocode(new AddressQuery(Ward: "Phuong Dich Vong", District: "Cau Giay", City: "Ha Noi"));
        var accented = Geocoder.Geocode(new AddressQuery(Ward: "Phường Dịch Vọng", District: "Quận Cầu Giấy", City: "Hà Nội"));

        Assert.Equal(accented, plain);
        Assert.Equal(("Phường Dịch Vọng", "Quận Cầu Giấy", "Thành phố Hà Nội"), (plain.Place!.Ward, plain.Place.District, plain.Place.City));
        Assert.Equal(GeoPrecision.Ward, plain.Precision);
    }

    [Fact]
    public void A_ward_without_a_point_of_its_own_answers_its_districts_point_and_says_so()
    {
        var ward = Places.Wards.First(w => w.Precision == GeoPrecision.District);

        var found = Geocoder.Geocode(new AddressQuery(Ward: ward.FullName, District: ward.District.FullName, City: ward.District.Province.Name));

        Assert.Equal(GeoPrecision.District, found.Precision);
        Assert.Equal(ward.District.Point, found.Point);
        Assert.Equal(ward.FullName, found.Place!.Ward);
    }

    [Fact]
    public void Numbered_wards_are_found_as_P5_or_Phuong_05()
    {
        var a = Geocoder.Geocode(new AddressQuery(Ward: "P.2", District: "Q5", City: "TP HCM"));
        var b = Geocoder.Geocode(new AddressQuery(Ward: "Phường 02", District: "Quận 5", City: "Hồ Chí Minh"));

        // The GSO spells the numbered wards with two digits.
        Assert.Equal("Phường 02", a.Place!.Ward);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Free_text_is_read_from_the_city_backwards()
    {
        var found = Geocoder.Geocode(new AddressQuery("12 Lê Lợi, P. Bến Nghé, Q1, TP HCM, Việt Nam"));

        Assert.Equal(("Phường Bến Nghé", "Quận 1", "Thành phố Hồ Chí Minh"), (found.Place!.Ward, found.Place.District, found.Place.City));
        Assert.Empty(found.Issues);
    }

    [Fact]
    public void A_district_outside_the_three_detailed_cities_answers_the_provinces_point()
    {
        var found = Geocoder.Geocode(new AddressQuery(District: "Huyện Bảo Thắng", City: "Lào Cai"));

        Assert.Equal((GeoPrecision.Province, "Tỉnh Lào Cai"), (found.Precision, found.Place!.City));
    }

    [Fact]
    public void An_unknown_city_is_not_found_with_suggestions_never_a_point()
    {
        var found = Geocoder.Geocode(new AddressQuery(City: "Ha Nol"));

        Assert.False(found.Found);
        Assert.Null(found.Point);
        Assert.Equal("CITY_NOT_FOUND", found.Error?.Code);
        Assert.Equal("Thành phố Hà Nội", found.Suggestions[0]);
    }

    [Fact]
    public void An_unknown_district_is_not_found_with_the_nearest_names_of_that_city()
    {
        var found = Geocoder.Geocode(new AddressQuery(District: "Hoan Kiem", City: "Đà Nẵng"));
        var typo = Geocoder.Geocode(new AddressQuery(District: "Hai Ba Trung Xyz", City: "Hà Nội"));
        var close = Geocoder.Geocode(new AddressQuery(District: "Thanh Xuan Bac", City: "Hà Nội"));

        Assert.Equal("DISTRICT_NOT_FOUND", found.Error?.Code);
        Assert.False(found.Found);
        Assert.Equal("DISTRICT_NOT_FOUND", typo.Error?.Code);
        Assert.Contains("Quận Hai Bà Trưng, Thành phố Hà Nội", typo.Suggestions);
        Assert.Contains("Quận Thanh Xuân, Thành phố Hà Nội", close.Suggestions);
    }

    [Fact]
    public void An_unknown_ward_is_located_at_its_district_with_an_issue_and_suggestions()
    {
        var found = Geocoder.Geocode(new AddressQuery(Ward: "Ben Nghee", District: "Q1", City: "HCM"));

        Assert.True(found.Found);
        Assert.Equal(GeoPrecision.District, found.Precision);
        Assert.Equal("WARD_NOT_FOUND", Assert.Single(found.Issues).Code);
        Assert.Equal("Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", found.Suggestions[0]);
    }

    [Fact]
    public void Free_text_naming_no_known_city_is_not_found_with_suggestions()
    {
        var found = Geocoder.Geocode(new AddressQuery("12 Nguyen Hue, Quan 1, Ho Chi Mnh"));
        var empty = Geocoder.Geocode(new AddressQuery("  "));

        Assert.Equal("ADDRESS_NOT_FOUND", found.Error?.Code);
        Assert.Contains("Thành phố Hồ Chí Minh", found.Suggestions);
        Assert.Equal("ADDRESS_REQUIRED", empty.Error?.Code);
    }

    [Theory]
    [InlineData("Hồ Chí Minh", "hochiminh")]
    [InlineData("TP.HCM", "hochiminh")]
    [InlineData("Thừa Thiên Huế", "thuathienhue")]
    [InlineData("Huế", "thuathienhue")]
    public void Province_keys_fold_diacritics_types_and_aliases(string name, string key) =>
        Assert.Equal(key, PlaceNames.ProvinceKey(name));
}

using System.Net;
using System.Text;
using GoShop.Shipping.Geocoding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Tests.Geocoding;

/// <summary>The pluggable HTTP geocoder (Nominatim-style JSON): a hit with its precision, no hit, a service that does not answer.</summary>
public sealed class HttpGeocoderTests
{
    [Fact]
    public async Task The_first_hit_is_the_point_with_the_precision_of_its_address_type()
    {
        var service = new Service(HttpStatusCode.OK, """
            [{"lat":"10.7736","lon":"106.7011","display_name":"Bến Nghé, Quận 1, Thành phố Hồ Chí Minh, Việt Nam","addresstype":"suburb",
              "address":{"suburb":"Phường Bến Nghé","city_district":"Quận 1","city":"Thành phố Hồ Chí Minh"}}]
            """);

        var found = await Geocoder(service).GeocodeAsync(new AddressQuery(Ward: "Bến Nghé", District: "Quận 1", City: "TP HCM"), CancellationToken.None);

        Assert.Equal((10.7736, 106.7011), (found.Point!.Lat, found.Point.Lng));
        Assert.Equal(GeoPrecision.Ward, found.Precision);
        Assert.Equal(("Phường Bến Nghé", "Quận 1", "Thành phố Hồ Chí Minh"), (found.Place!.Ward, found.Place.District, found.Place.City));
        var asked = service.Asked!.ToString();
        Assert.StartsWith("https://geocoder.example/search?q=", asked, StringComparison.Ordinal);
        Assert.Contains("format=jsonv2", asked, StringComparison.Ordinal);
        Assert.Contains("countrycodes=vn", asked, StringComparison.Ordinal);
        Assert.Contains("q=Bến Nghé, Quận 1, TP HCM&", Uri.UnescapeDataString(service.Asked.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_hit_is_not_found_and_a_service_that_does_not_answer_is_unavailable_never_a_point()
    {
        var none = await Geocoder(new Service(HttpStatusCode.OK, "[]")).GeocodeAsync(new AddressQuery("nowhere"), CancellationToken.None);
        var down = await Geocoder(new Service(HttpStatusCode.ServiceUnavailable, "")).GeocodeAsync(new AddressQuery("Hà Nội"), CancellationToken.None);
        var garbled = await Geocoder(new Service(HttpStatusCode.OK, """[{"lat":"north","lon":"east"}]""")).GeocodeAsync(new AddressQuery("Hà Nội"), CancellationToken.None);

        Assert.Equal(("ADDRESS_NOT_FOUND", false), (none.Error?.Code, none.Found));
        Assert.Equal(("GEOCODER_UNAVAILABLE", false), (down.Error?.Code, down.Found));
        Assert.Equal(("ADDRESS_NOT_FOUND", false), (garbled.Error?.Code, garbled.Found));
    }

    [Fact]
    public void The_provider_setting_chooses_the_geocoder()
    {
        static IGeocoder Resolve(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection().AddLogging();
            services.AddGeocoding(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            return services.BuildServiceProvider().GetRequiredService<IGeocoder>();
        }

        Assert.IsType<GazetteerGeocoder>(Resolve([]));
        Assert.IsType<HttpGeocoder>(Resolve(new() { ["Shipping:Geocoding:Provider"] = "http", ["Shipping:Geocoding:BaseUrl"] = "https://geocoder.example" }));
    }

    private static HttpGeocoder Geocoder(Service service) =>
        new(new HttpClient(service) { BaseAddress = new Uri("https://geocoder.example/") }, Options.Create(new GeocodingOptions()), NullLogger<HttpGeocoder>.Instance);

    private sealed class Service(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public Uri? Asked { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}

using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Geocoding;

public static class GeocodingServices
{
    /// <summary>
    /// The gazetteer (always: quotes use its hubs) and the <see cref="IGeocoder"/> that <c>Shipping:Geocoding:Provider</c>
    /// picks: the offline <see cref="GazetteerGeocoder"/> by default, or <see cref="HttpGeocoder"/> at <c>BaseUrl</c>.
    /// </summary>
    public static IServiceCollection AddGeocoding(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GeocodingOptions.Section);
        services.AddOptions<GeocodingOptions>().Bind(section)
            .Validate(o => o.Provider.ToLowerInvariant() is GeocodingOptions.GazetteerProvider or GeocodingOptions.HttpProvider, "Shipping:Geocoding:Provider must be 'gazetteer' or 'http'.")
            .Validate(o => !string.Equals(o.Provider, GeocodingOptions.HttpProvider, StringComparison.OrdinalIgnoreCase) || Uri.IsWellFormedUriString(o.BaseUrl, UriKind.Absolute),
                "Shipping:Geocoding:BaseUrl must be an absolute URL when the provider is 'http'.")
            .ValidateOnStart();
        services.AddSingleton(_ => Gazetteer.Load());
        services.AddSingleton<GazetteerGeocoder>();
        if (string.Equals(section[nameof(GeocodingOptions.Provider)], GeocodingOptions.HttpProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddHttpClient<IGeocoder, HttpGeocoder>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<GeocodingOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl!.TrimEnd('/') + "/");
                client.Timeout = options.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            });
        }
        else
        {
            services.AddSingleton<IGeocoder>(provider => provider.GetRequiredService<GazetteerGeocoder>());
        }
        return services;
    }
}

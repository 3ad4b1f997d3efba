namespace GoShop.Shipping.Quotes;

public static class QuoteServices
{
    /// <summary>The fee rule (<c>Shipping:Quotes</c>) and its engine. Needs the gazetteer of <c>AddGeocoding</c> for the remote-area hubs.</summary>
    public static IServiceCollection AddShippingQuotes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShippingQuoteOptions>().Bind(configuration.GetSection(ShippingQuoteOptions.Section))
            .Validate(o => o.RoadFactor >= 1 && o.VolumetricDivisor > 0 && o.IncludedWeightGrams >= 0 && o.MaxWeightGrams > 0,
                "Shipping:Quotes needs RoadFactor >= 1, VolumetricDivisor > 0, IncludedWeightGrams >= 0 and MaxWeightGrams > 0.")
            .ValidateOnStart();
        services.AddSingleton<ShippingQuoteEngine>();
        return services;
    }
}

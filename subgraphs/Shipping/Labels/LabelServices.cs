using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Labels;

public static class LabelServices
{
    /// <summary>Label rendering, URL signing (<c>Shipping:Labels</c>) and the shops client for the sender's name and address.</summary>
    public static IServiceCollection AddShippingLabels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LabelOptions>().Bind(configuration.GetSection(LabelOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (string.IsNullOrEmpty(options.SigningKey) && environment.IsDevelopment())
                    options.SigningKey = LabelOptions.DevelopmentSigningKey;
            })
            .Validate(o => o.SigningKey.Length >= 16, "Shipping:Labels:SigningKey must be set (at least 16 characters) outside Development.")
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, "Shipping:Labels:UrlLifetime must be positive.")
            .Validate(o => Uri.IsWellFormedUriString(o.PublicBaseUrl, UriKind.Absolute), "Shipping:Labels:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(ShopDirectory)))
            services.AddInternalApiClient<ShopDirectory>(configuration);
        services.AddSingleton<LabelRenderer>();
        services.AddSingleton<LabelUrls>();
        services.AddScoped<ShippingLabels>();
        return services;
    }

    /// <summary>
    /// <c>GET /labels/{shipmentId}.pdf?expires=…&amp;sig=…</c>: the label, for whoever holds a URL createShippingLabel signed
    /// and that has not expired (403 otherwise), shown inline in the browser.
    /// </summary>
    public static WebApplication MapShippingLabels(this WebApplication app)
    {
        app.MapGet("/labels/{shipmentId:guid}.pdf", async (Guid shipmentId, string? expires, string? sig, LabelUrls urls, ShippingLabels labels,
            HttpResponse response, CancellationToken cancellationToken) =>
        {
            if (!urls.IsValid(shipmentId, expires, sig))
                return Results.Problem("This label link is invalid or has expired; create the label again.", statusCode: StatusCodes.Status403Forbidden);
            var label = await labels.RenderAsync(shipmentId, cancellationToken);
            if (!label.Succeeded)
            {
                var status = label.Error == ShippingLabels.ShopsUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status404NotFound;
                return Results.Problem(label.Error.Message, statusCode: status);
            }
            response.Headers.ContentDisposition = $"inline; filename=\"{label.Value.Shipment.TrackingNumber}.pdf\"";
            response.Headers.CacheControl = "private, no-store";
            return Results.Bytes(label.Value.Pdf, "application/pdf");
        }).ExcludeFromDescription();
        return app;
    }
}

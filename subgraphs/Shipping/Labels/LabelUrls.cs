using GoShop.BuildingBlocks.Links;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Labels;

/// <summary>A label's URL and until when it works.</summary>
public sealed record SignedLabelUrl(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and checks label URLs (<see cref="SignedLinks"/>): <c>/labels/{shipmentId}.pdf?expires=…&amp;sig=…</c>, signed
/// for the shipment's id. Whoever holds the URL may open the label until it expires (a browser cannot send a token).
/// </summary>
public sealed class LabelUrls(IOptions<LabelOptions> options, TimeProvider clock)
{
    public SignedLabelUrl Sign(Guid shipmentId)
    {
        var link = SignedLinks.Sign(options.Value.SigningKey, $"{options.Value.PublicBaseUrl.TrimEnd('/')}/labels/{shipmentId}.pdf",
            shipmentId.ToString(), clock.GetUtcNow().Add(options.Value.UrlLifetime));
        return new SignedLabelUrl(link.Url, link.ExpiresAt);
    }

    /// <summary>Whether the signature is this shipment's and the URL has not expired.</summary>
    public bool IsValid(Guid shipmentId, string? expires, string? signature) =>
        SignedLinks.IsValid(options.Value.SigningKey, shipmentId.ToString(), expires, signature, clock.GetUtcNow());
}

using GoShop.Shipping.Labels;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GoShop.Shipping.Tests.Labels;

/// <summary>Signed label URLs: valid until they expire, for their shipment only, and only with the right key.</summary>
public sealed class LabelUrlTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_signed_url_opens_its_label_until_it_expires()
    {
        var urls = Urls();
        var shipmentId = Guid.CreateVersion7();

        var signed = urls.Sign(shipmentId);
        var (expires, sig) = Query(signed.Url);

        Assert.StartsWith($"http://127.0.0.1:8009/labels/{shipmentId}.pdf?expires=", signed.Url.ToString(), StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(30), signed.ExpiresAt);
        Assert.True(urls.IsValid(shipmentId, expires, sig));
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(urls.IsValid(shipmentId, expires, sig));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(urls.IsValid(shipmentId, expires, sig));
    }

    [Fact]
    public void A_tampered_url_is_refused()
    {
        var urls = Urls();
        var shipmentId = Guid.CreateVersion7();
        var (expires, sig) = Query(urls.Sign(shipmentId).Url);
        var later = (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(urls.IsValid(Guid.CreateVersion7(), expires, sig));
        Assert.False(urls.IsValid(shipmentId, later, sig));
        Assert.False(urls.IsValid(shipmentId, expires, sig[..^1] + (sig[^1] == '0' ? '1' : '0')));
        Assert.False(urls.IsValid(shipmentId, expires, null));
        Assert.False(urls.IsValid(shipmentId, "soon", sig));
        Assert.False(Urls("another-key-of-sixteen-chars").IsValid(shipmentId, expires, sig));
    }

    private LabelUrls Urls(string key = "a-test-signing-key-0123456789") =>
        new(Options.Create(new LabelOptions { SigningKey = key }), _clock);

    private static (string Expires, string Sig) Query(Uri url)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        return (query["expires"].ToString(), query["sig"].ToString());
    }
}

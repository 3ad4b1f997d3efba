using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace GoShop.PaymentGateways.PayPal;

/// <summary>
/// PayPal's signing certificates by URL, downloaded once through the <see cref="PaymentGatewayHttpClients.Providers"/>
/// client and kept until they expire. The caller checks that the URL is allowed before asking.
/// </summary>
public sealed class PayPalCertificates(IHttpClientFactory httpClients) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<X509Certificate2>>> cache = new(StringComparer.Ordinal);

    /// <summary>The certificate at <paramref name="url"/>; an expired cached one is downloaded again (once).</summary>
    public async Task<X509Certificate2> GetAsync(Uri url, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var certificate = await LoadAsync(url, cancellationToken).ConfigureAwait(false);
        if (certificate.NotAfter.ToUniversalTime() >= now.UtcDateTime)
            return certificate;
        cache.TryRemove(url.AbsoluteUri, out _);
        return await LoadAsync(url, cancellationToken).ConfigureAwait(false);
    }

    private async Task<X509Certificate2> LoadAsync(Uri url, CancellationToken cancellationToken)
    {
        var entry = cache.GetOrAdd(url.AbsoluteUri, _ => new Lazy<Task<X509Certificate2>>(() => DownloadAsync(url)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            // A failed download is not cached: the next webhook tries again.
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<X509Certificate2>>>(url.AbsoluteUri, entry));
            throw;
        }
    }

    private async Task<X509Certificate2> DownloadAsync(Uri url)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var pem = await httpClients.CreateClient(PaymentGatewayHttpClients.Providers).GetStringAsync(url, timeout.Token).ConfigureAwait(false);
        return X509Certificate2.CreateFromPem(pem);
    }

    public void Dispose()
    {
        foreach (var entry in cache.Values)
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
                entry.Value.Result.Dispose();
    }
}

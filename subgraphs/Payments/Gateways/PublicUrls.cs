using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GoShop.Payments.Gateways;

/// <summary>
/// The addresses providers and browsers use to reach this subgraph: <c>Payments:PublicBaseUrl</c>, or else the first
/// address the server listens on (a wildcard host read as 127.0.0.1), so a development machine or a test platform on
/// other ports works without configuration.
/// </summary>
public sealed class PublicUrls(IOptions<PaymentsOptions> options, IServer server)
{
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
                return options.Value.PublicBaseUrl.TrimEnd('/');
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            var uri = new UriBuilder(listening.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
                uri.Host = "127.0.0.1";
            return uri.Uri.GetLeftPart(UriPartial.Authority);
        }
    }

    public string Webhook(string gateway) => $"{BaseUrl}/webhooks/{gateway}";

    public string Return(Guid paymentId) =>
        string.IsNullOrWhiteSpace(options.Value.ReturnUrl)
            ? $"{BaseUrl}/payments/{paymentId}/return"
            : options.Value.ReturnUrl.Replace("{paymentId}", paymentId.ToString(), StringComparison.Ordinal);
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GoShop.PaymentGateways.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.PayPal;

/// <summary>
/// PayPal Orders v2: an OAuth client-credentials token, an order (intent CAPTURE, VND converted to USD) whose
/// approval link is the redirect, capture after approval (on the CHECKOUT.ORDER.APPROVED notification, outcome
/// Authorized), refunds of the capture, and webhooks verified locally with PayPal's certificate.
/// </summary>
public sealed class PayPalGateway(
    IOptionsMonitor<PaymentGatewaysOptions> options,
    IHttpClientFactory httpClients,
    PayPalCertificates certificates,
    TimeProvider clock,
    ILogger<PayPalGateway> logger) : IPaymentGateway, IDisposable
{
    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private volatile CachedToken? token;

    public GatewayKind Kind => GatewayKind.PayPal;

    private PayPalOptions Options => options.CurrentValue.PayPal;

    /// <summary>What PayPal collects for <paramref name="amount"/> in <paramref name="currency"/>.</summary>
    public (decimal Amount, string Currency) ProviderAmount(decimal amount, string currency) =>
        Amounts.IsVnd(currency) ? (Amounts.VndToUsd(amount, Options.VndPerUsd), "USD") : (amount, currency.ToUpperInvariant());

    public async Task<ChargeSession> CreateChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        Configured();
        var (amount, currency) = ProviderAmount(request.Amount, request.Currency);
        var description = request.Description.Length <= 127 ? request.Description : request.Description[..127];
        var body = new
        {
            intent = "CAPTURE",
            purchase_units = new[]
            {
                new
                {
                    reference_id = request.Reference,
                    custom_id = request.Reference,
                    invoice_id = request.Reference,
                    description,
                    amount = new { currency_code = currency, value = Amounts.PayPalValue(amount) },
                },
            },
            payment_source = new
            {
                paypal = new
                {
                    experience_context = new { return_url = request.ReturnUrl, cancel_url = request.ReturnUrl, user_action = "PAY_NOW" },
                },
            },
        };
        var (status, order) = await Send(HttpMethod.Post, "/v2/checkout/orders", body, request.Reference, cancellationToken).ConfigureAwait(false);
        if (status >= 300 || order.Prop("id").Str() is not { } orderId)
            throw Rejected(order);
        var links = order.Prop("links");
        var approve = links?.EnumerateArray().FirstOrDefault(l => l.Prop("rel").Str() is "payer-action" or "approve");
        return new ChargeSession(orderId, approve?.Prop("href").Str(), null, amount, currency, null);
    }

    public async Task<GatewayCallResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        Configured();
        var (status, order) = await Send(HttpMethod.Post, $"/v2/checkout/orders/{Uri.EscapeDataString(request.ProviderReference)}/capture",
            new { }, $"capture-{request.Reference}", cancellationToken).ConfigureAwait(false);
        if (status >= 500)
            throw Rejected(order);
        var capture = order.Prop("purchase_units").First()?.Path("payments", "captures").First();
        if (status >= 300 || capture is null)
        {
            var issue = order.Prop("details").First()?.Prop("issue").Str() ?? order.Prop("name").Str();
            return new GatewayCallResult(GatewayCallStatus.Failed, null, request.ProviderAmount, request.ProviderCurrency, issue, order.Prop("message").Str());
        }
        var c = capture.Value;
        var captureStatus = c.Prop("status").Str();
        logger.LogInformation("PayPal capture of {Reference}: {Status}", request.Reference, captureStatus);
        return new GatewayCallResult(
            captureStatus switch { "COMPLETED" => GatewayCallStatus.Succeeded, "PENDING" => GatewayCallStatus.Pending, _ => GatewayCallStatus.Failed },
            c.Prop("id").Str(), Money(c).Amount, Money(c).Currency, captureStatus, c.Path("status_details", "reason").Str());
    }

    public async Task<GatewayCallResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        Configured();
        if (string.IsNullOrEmpty(request.ProviderTransactionId))
            throw new PaymentGatewayException(Kind, "MISSING_TRANSACTION", "A PayPal refund needs the capture id.");
        // The refund's share at PayPal as the caller computed it (in the captured currency); else converted at today's rate.
        var (amount, currency) = request.ProviderAmount > 0 && !Amounts.IsVnd(request.ProviderCurrency)
            ? (request.ProviderAmount, request.ProviderCurrency.ToUpperInvariant())
            : ProviderAmount(request.Amount, request.Currency);
        var body = new
        {
            amount = new { currency_code = currency, value = Amounts.PayPalValue(amount) },
            custom_id = request.RefundReference,
            invoice_id = request.RefundReference,
            note_to_payer = request.Reason.Length <= 255 ? request.Reason : request.Reason[..255],
        };
        var (status, refund) = await Send(HttpMethod.Post, $"/v2/payments/captures/{Uri.EscapeDataString(request.ProviderTransactionId)}/refund",
            body, request.RefundReference, cancellationToken).ConfigureAwait(false);
        if (status >= 500)
            throw Rejected(refund);
        var refundStatus = refund.Prop("status").Str();
        logger.LogInformation("PayPal refund {RefundReference} of {Reference}: {Status}", request.RefundReference, request.Reference, refundStatus ?? status.ToString(CultureInfo.InvariantCulture));
        if (status >= 300)
            return new GatewayCallResult(GatewayCallStatus.Failed, null, amount, currency,
                refund.Prop("details").First()?.Prop("issue").Str() ?? refund.Prop("name").Str(), refund.Prop("message").Str());
        return new GatewayCallResult(
            refundStatus switch { "COMPLETED" => GatewayCallStatus.Succeeded, "PENDING" => GatewayCallStatus.Pending, _ => GatewayCallStatus.Failed },
            refund.Prop("id").Str(), amount, currency, refundStatus, refund.Path("status_details", "reason").Str());
    }

    /// <summary>Synchronous verification: blocks on the certificate download the first time. Prefer
    /// <see cref="VerifyAsync"/>.</summary>
    public WebhookVerification Verify(WebhookRequest request) =>
        VerifyAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public async ValueTask<WebhookVerification> VerifyAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var o = Options;
        if (!o.IsConfigured)
            return Webhooks.NotConfigured(Kind);
        var transmissionId = request.Header(PayPalSignature.TransmissionId);
        var transmissionTime = request.Header(PayPalSignature.TransmissionTime);
        var signatureText = request.Header(PayPalSignature.TransmissionSig);
        var certUrl = request.Header(PayPalSignature.CertUrl);
        var algorithm = request.Header(PayPalSignature.AuthAlgo);
        if (string.IsNullOrEmpty(transmissionId) || string.IsNullOrEmpty(transmissionTime) || string.IsNullOrEmpty(signatureText)
            || string.IsNullOrEmpty(certUrl) || string.IsNullOrEmpty(algorithm))
            return Webhooks.Refused("MALFORMED", "A PayPal transmission header is missing.");
        if (algorithm != PayPalSignature.Algorithm)
            return Webhooks.Refused("UNSUPPORTED_ALGORITHM", $"PAYPAL-AUTH-ALGO {algorithm}.");
        if (!IsAllowedCertificateUrl(certUrl, out var url))
            return Webhooks.Refused("CERT_URL_NOT_ALLOWED", $"Certificate URL host {url?.Host ?? "(invalid)"} is not allowed.");
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            return Webhooks.Refused("MALFORMED", "PAYPAL-TRANSMISSION-SIG is not base64.");
        }

        var now = clock.GetUtcNow();
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        try
        {
            certificate = await certificates.GetAsync(url!, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Security.Cryptography.CryptographicException)
        {
            return Webhooks.Refused("CERT_UNAVAILABLE", $"The certificate could not be loaded: {e.GetType().Name}.");
        }
        if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime || certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
            return Webhooks.Refused("CERT_EXPIRED", "The signing certificate is not valid now.");
        var signed = PayPalSignature.SignedString(transmissionId, transmissionTime, o.WebhookId!, request.Body.Span);
        if (!PayPalSignature.IsValid(certificate, signed, signature))
            return Webhooks.Refused("INVALID_SIGNATURE", "The transmission signature does not verify.");

        if (request.JsonBody() is not { } root
            || root.Prop("id").Str() is not { Length: > 0 } eventId
            || root.Prop("event_type").Str() is not { Length: > 0 } type
            || root.Prop("resource") is not { } resource)
            return Webhooks.Refused("MALFORMED", "Not a PayPal event.");
        var at = DateTimeOffset.TryParse(root.Prop("create_time").Str(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : request.ReceivedAt;
        return new WebhookVerification.Verified(Notification(eventId, type, resource, at));
    }

    public WebhookReply Reply(WebhookHandling handling) => handling switch
    {
        WebhookHandling.Recorded or WebhookHandling.AlreadyRecorded or WebhookHandling.UnknownPayment => Webhooks.Empty(200),
        WebhookHandling.AmountMismatch or WebhookHandling.Refused => Webhooks.Empty(400),
        _ => Webhooks.Empty(500),
    };

    /// <summary>
    /// Certificates only from under <see cref="PayPalOptions.CertificateBaseUrl"/> when it is set, else only over https
    /// from PayPal's hosts.
    /// </summary>
    internal bool IsAllowedCertificateUrl(string certUrl, out Uri? url)
    {
        if (!Uri.TryCreate(certUrl, UriKind.Absolute, out url))
            return false;
        var o = Options;
        if (o.CertificateBaseUrl is { } baseUrl)
            return Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var trusted)
                && url.Scheme == trusted.Scheme && url.Authority == trusted.Authority
                && url.AbsolutePath.StartsWith(trusted.AbsolutePath, StringComparison.Ordinal);
        var host = url.Host;
        return url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
            && o.CertificateHosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
    }

    private GatewayNotification Notification(string eventId, string type, JsonElement resource, DateTimeOffset at)
    {
        var (amount, currency) = Money(resource);
        GatewayNotification Make(string reference, string? providerReference, NotificationOutcome outcome, string? code, string? message) =>
            new(Kind, eventId, reference, resource.Prop("id").Str() ?? resource.Prop("dispute_id").Str(), outcome, amount, currency, code, message, at)
            {
                ProviderReference = providerReference,
            };
        var captureOrder = resource.Path("supplementary_data", "related_ids", "order_id").Str();
        switch (type)
        {
            case "CHECKOUT.ORDER.APPROVED":
                var unit = resource.Prop("purchase_units").First();
                var (orderAmount, orderCurrency) = unit is { } u ? Money(u) : (0m, "");
                return Make(unit?.Prop("custom_id").Str() ?? unit?.Prop("reference_id").Str() ?? "", resource.Prop("id").Str(),
                    NotificationOutcome.Authorized, resource.Prop("status").Str(), null) with
                { ProviderAmount = orderAmount, ProviderCurrency = orderCurrency };
            case "PAYMENT.CAPTURE.COMPLETED":
                return Make(resource.Prop("custom_id").Str() ?? "", captureOrder, NotificationOutcome.Captured, resource.Prop("status").Str(), null);
            case "PAYMENT.CAPTURE.DENIED" or "PAYMENT.CAPTURE.DECLINED":
                return Make(resource.Prop("custom_id").Str() ?? "", captureOrder, NotificationOutcome.Failed, resource.Prop("status").Str(),
                    resource.Path("status_details", "reason").Str());
            case "PAYMENT.CAPTURE.REFUNDED":
                return Make(resource.Prop("custom_id").Str() ?? resource.Prop("invoice_id").Str() ?? "", captureOrder, NotificationOutcome.Refunded,
                    resource.Prop("status").Str(), resource.Prop("note_to_payer").Str());
            case "CUSTOMER.DISPUTE.CREATED" or "CUSTOMER.DISPUTE.RESOLVED":
                var disputed = resource.Prop("disputed_transactions").First();
                var (disputeAmount, disputeCurrency) = resource.Prop("dispute_amount") is { } d ? MoneyOf(d) : (amount, currency);
                var outcomeCode = resource.Path("dispute_outcome", "outcome_code").Str();
                var outcome = type == "CUSTOMER.DISPUTE.CREATED"
                    ? NotificationOutcome.ChargebackOpened
                    : outcomeCode is "RESOLVED_BUYER_FAVOUR" or "RESOLVED_WITH_PAYOUT" ? NotificationOutcome.ChargebackLost : NotificationOutcome.ChargebackWon;
                return Make(disputed?.Prop("custom").Str() ?? disputed?.Prop("invoice_number").Str() ?? "", disputed?.Prop("seller_transaction_id").Str(),
                    outcome, outcomeCode ?? resource.Prop("status").Str(), resource.Prop("reason").Str()) with
                { ProviderAmount = disputeAmount, ProviderCurrency = disputeCurrency };
            default:
                return Make(resource.Prop("custom_id").Str() ?? "", captureOrder ?? resource.Prop("id").Str(), NotificationOutcome.Ignored, type, null);
        }
    }

    private static (decimal Amount, string Currency) Money(JsonElement owner) =>
        owner.Prop("amount") is { } amount ? MoneyOf(amount) : (0m, "");

    private static (decimal Amount, string Currency) MoneyOf(JsonElement money) =>
        (decimal.TryParse(money.Prop("value").Str(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m,
            money.Prop("currency_code").Str() ?? "");

    private PaymentGatewayException Rejected(JsonElement answer) =>
        new(Kind, "PROVIDER_REJECTED", $"PayPal refused: {answer.Prop("message").Str() ?? answer.Prop("name").Str()}",
            answer.Prop("details").First()?.Prop("issue").Str() ?? answer.Prop("name").Str());

    /// <summary>One authenticated call: (status, JSON answer); PayPal-Request-Id makes retries idempotent.</summary>
    private async Task<(int Status, JsonElement Body)> Send(HttpMethod method, string path, object body, string requestId, CancellationToken cancellationToken) =>
        await ProviderCalls.Guard(Kind, async () =>
        {
            var accessToken = await AccessToken(cancellationToken).ConfigureAwait(false);
            using var message = new HttpRequestMessage(method, Options.ApiBase!.TrimEnd('/') + path)
            {
                Content = JsonContent.Create(body),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            message.Headers.Add("PayPal-Request-Id", requestId);
            message.Headers.Add("Prefer", "return=representation");
            using var response = await httpClients.CreateClient(PaymentGatewayHttpClients.Providers).SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                token = null;
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            return ((int)response.StatusCode, document.RootElement.Clone());
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>The client-credentials token, cached until a minute before it expires.</summary>
    private async Task<string> AccessToken(CancellationToken cancellationToken)
    {
        var o = Options;
        var key = $"{o.ApiBase}|{o.ClientId}";
        var now = clock.GetUtcNow();
        if (token is { } cached && cached.Key == key && cached.ExpiresAt > now)
            return cached.Token;
        await tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (token is { } again && again.Key == key && again.ExpiresAt > now)
                return again.Token;
            using var message = new HttpRequestMessage(HttpMethod.Post, o.ApiBase!.TrimEnd('/') + "/v1/oauth2/token")
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}")));
            using var response = await httpClients.CreateClient(PaymentGatewayHttpClients.Providers).SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new PaymentGatewayException(Kind, "GATEWAY_AUTHENTICATION_FAILED",
                    $"PayPal refused our credentials ({(int)response.StatusCode}).", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var accessToken = answer.RootElement.Prop("access_token").Str()
                ?? throw new PaymentGatewayException(Kind, "INVALID_RESPONSE", "PayPal answered no access token.");
            var lifetime = TimeSpan.FromSeconds(answer.RootElement.Prop("expires_in").Long() ?? 300);
            token = new CachedToken(key, accessToken, now + lifetime - TimeSpan.FromMinutes(1));
            return accessToken;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private PayPalOptions Configured()
    {
        var o = Options;
        return o.IsConfigured ? o : throw new PaymentGatewayException(Kind, "GATEWAY_NOT_CONFIGURED", "PayPal has no credentials configured.");
    }

    public void Dispose() => tokenLock.Dispose();

    private sealed record CachedToken(string Key, string Token, DateTimeOffset ExpiresAt);
}

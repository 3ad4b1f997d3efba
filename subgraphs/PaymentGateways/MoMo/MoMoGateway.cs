using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GoShop.PaymentGateways.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.MoMo;

/// <summary>
/// MoMo all-in-one v2, captureWallet: a signed create request answered with payUrl, the IPN (signed JSON, answered
/// 204) and refunds.
/// </summary>
public sealed class MoMoGateway(
    IOptionsMonitor<PaymentGatewaysOptions> options,
    IHttpClientFactory httpClients,
    ILogger<MoMoGateway> logger) : IPaymentGateway
{
    public const string RequestType = "captureWallet";

    public GatewayKind Kind => GatewayKind.MoMo;

    private MoMoOptions Options => options.CurrentValue.MoMo;

    public async Task<ChargeSession> CreateChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var o = Configured();
        if (!Amounts.IsVnd(request.Currency))
            throw new PaymentGatewayException(Kind, "UNSUPPORTED_CURRENCY", "MoMo collects VND only.");
        var amount = Amounts.WholeDong(Kind, request.Amount);
        var orderInfo = request.Description;
        var raw = MoMoSignature.CreateRaw(o.AccessKey!, amount, "", request.NotifyUrl, request.Reference, orderInfo, o.PartnerCode!,
            request.ReturnUrl, request.Reference, RequestType);
        var body = new MoMoCreateRequest(o.PartnerCode!, request.Reference, amount, request.Reference, orderInfo, request.ReturnUrl,
            request.NotifyUrl, RequestType, "", o.Lang, true, MoMoSignature.Sign(o.SecretKey!, raw));

        var answer = await Post<MoMoCreateResponse>("/v2/gateway/api/create", body, cancellationToken).ConfigureAwait(false);
        if (answer.ResultCode != 0 || string.IsNullOrEmpty(answer.PayUrl))
            throw new PaymentGatewayException(Kind, "PROVIDER_REJECTED", $"MoMo refused the payment: {answer.Message}",
                answer.ResultCode.ToString(CultureInfo.InvariantCulture));
        return new ChargeSession(request.Reference, answer.PayUrl, null, amount, "VND", null);
    }

    /// <summary>captureWallet with autoCapture: MoMo captures by itself.</summary>
    public Task<GatewayCallResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayCallResult(GatewayCallStatus.Succeeded, null, request.ProviderAmount, request.ProviderCurrency, "0", "MoMo captures at payment."));

    public async Task<GatewayCallResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var o = Configured();
        if (!long.TryParse(request.ProviderTransactionId, NumberStyles.None, CultureInfo.InvariantCulture, out var transId))
            throw new PaymentGatewayException(Kind, "MISSING_TRANSACTION", "A MoMo refund needs the payment's transId.");
        var amount = Amounts.WholeDong(Kind, request.Amount);
        var description = request.Reason;
        var raw = MoMoSignature.RefundRaw(o.AccessKey!, amount, description, request.RefundReference, o.PartnerCode!, request.RefundReference, transId);
        var body = new MoMoRefundRequest(o.PartnerCode!, request.RefundReference, request.RefundReference, amount, transId, o.Lang, description,
            MoMoSignature.Sign(o.SecretKey!, raw));
        var answer = await Post<MoMoRefundResponse>("/v2/gateway/api/refund", body, cancellationToken).ConfigureAwait(false);
        var code = answer.ResultCode.ToString(CultureInfo.InvariantCulture);
        logger.LogInformation("MoMo refund {RefundReference} of {Reference}: {Code}", request.RefundReference, request.Reference, code);
        return answer.ResultCode == 0
            ? new GatewayCallResult(GatewayCallStatus.Succeeded, answer.TransId.ToString(CultureInfo.InvariantCulture), amount, "VND", code, answer.Message)
            : new GatewayCallResult(GatewayCallStatus.Failed, null, amount, "VND", code, answer.Message);
    }

    public WebhookVerification Verify(WebhookRequest request)
    {
        var o = Options;
        if (!o.IsConfigured)
            return Webhooks.NotConfigured(Kind);
        MoMoIpn? ipn;
        try
        {
            ipn = JsonSerializer.Deserialize<MoMoIpn>(request.Body.Span, MoMoSignature.Json);
        }
        catch (JsonException e)
        {
            return Webhooks.Refused("MALFORMED", e.Message);
        }
        if (ipn is null || string.IsNullOrEmpty(ipn.Signature) || string.IsNullOrEmpty(ipn.OrderId) || ipn.PartnerCode is null
            || ipn.RequestId is null || ipn.OrderInfo is null || ipn.OrderType is null || ipn.Message is null || ipn.PayType is null
            || ipn.ExtraData is null)
            return Webhooks.Refused("MALFORMED", "A MoMo IPN field is missing.");
        if (!Signing.HexEquals(MoMoSignature.Sign(o.SecretKey!, MoMoSignature.IpnRaw(o.AccessKey!, ipn)), ipn.Signature))
            return Webhooks.Refused("INVALID_SIGNATURE", "signature does not match.");
        if (ipn.PartnerCode != o.PartnerCode)
            return Webhooks.Refused("WRONG_MERCHANT", "partnerCode is not ours.");

        var outcome = ipn.ResultCode switch
        {
            0 => NotificationOutcome.Captured,
            9000 => NotificationOutcome.Authorized,
            1006 => NotificationOutcome.Cancelled,
            _ => NotificationOutcome.Failed,
        };
        var notification = new GatewayNotification(
            Kind,
            $"{ipn.OrderId}:{ipn.TransId}:{ipn.ResultCode}",
            ipn.OrderId,
            ipn.TransId == 0 ? null : ipn.TransId.ToString(CultureInfo.InvariantCulture),
            outcome,
            ipn.Amount,
            "VND",
            ipn.ResultCode.ToString(CultureInfo.InvariantCulture),
            ipn.Message,
            ipn.ResponseTime > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ipn.ResponseTime) : request.ReceivedAt)
        {
            ProviderReference = ipn.OrderId,
        };
        return new WebhookVerification.Verified(notification);
    }

    /// <summary>MoMo wants 204 No Content for a handled IPN; anything else makes it retry.</summary>
    public WebhookReply Reply(WebhookHandling handling) => handling switch
    {
        WebhookHandling.Recorded or WebhookHandling.AlreadyRecorded => Webhooks.Empty(204),
        WebhookHandling.UnknownPayment => Webhooks.Empty(404),
        WebhookHandling.AmountMismatch or WebhookHandling.Refused => Webhooks.Empty(400),
        _ => Webhooks.Empty(500),
    };

    private async Task<T> Post<T>(string path, object body, CancellationToken cancellationToken) =>
        await ProviderCalls.Guard(Kind, async () =>
        {
            using var response = await httpClients.CreateClient(PaymentGatewayHttpClients.Providers)
                .PostAsJsonAsync(Options.ApiBase!.TrimEnd('/') + path, body, MoMoSignature.Json, cancellationToken).ConfigureAwait(false);
            return await response.Content.ReadFromJsonAsync<T>(MoMoSignature.Json, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("empty answer");
        }, cancellationToken).ConfigureAwait(false);

    private MoMoOptions Configured()
    {
        var o = Options;
        return o.IsConfigured ? o : throw new PaymentGatewayException(Kind, "GATEWAY_NOT_CONFIGURED", "MoMo has no credentials configured.");
    }
}

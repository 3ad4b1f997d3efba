using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GoShop.PaymentGateways.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.VnPay;

/// <summary>
/// VNPay 2.1.0: a signed payment URL (the buyer pays on VNPay's page), the IPN (GET with the signed vnp_* result),
/// answered with VNPay's RspCode JSON, and refunds through the merchant API.
/// </summary>
public sealed class VnPayGateway(
    IOptionsMonitor<PaymentGatewaysOptions> options,
    IHttpClientFactory httpClients,
    ILogger<VnPayGateway> logger) : IPaymentGateway
{
    public GatewayKind Kind => GatewayKind.VnPay;

    private VnPayOptions Options => options.CurrentValue.VnPay;

    public Task<ChargeSession> CreateChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var o = Configured();
        if (!Amounts.IsVnd(request.Currency))
            throw new PaymentGatewayException(Kind, "UNSUPPORTED_CURRENCY", "VNPay collects VND only.");
        var expires = request.At.AddMinutes(o.ExpireMinutes);
        var fields = new Dictionary<string, string>
        {
            ["vnp_Version"] = VnPaySignature.Version,
            ["vnp_Command"] = "pay",
            ["vnp_TmnCode"] = o.TmnCode!,
            ["vnp_Amount"] = Amounts.VnPayAmount(request.Amount).ToString(CultureInfo.InvariantCulture),
            ["vnp_CurrCode"] = "VND",
            ["vnp_TxnRef"] = request.Reference,
            ["vnp_OrderInfo"] = VnPaySignature.PlainText(request.Description),
            ["vnp_OrderType"] = o.OrderType,
            ["vnp_Locale"] = o.Locale,
            ["vnp_ReturnUrl"] = request.ReturnUrl,
            ["vnp_IpAddr"] = string.IsNullOrEmpty(request.ClientIp) ? o.ServerIp : request.ClientIp,
            ["vnp_CreateDate"] = VnPaySignature.Time(request.At),
            ["vnp_ExpireDate"] = VnPaySignature.Time(expires),
        };
        var url = $"{o.PaymentUrl}?{VnPaySignature.SignedQuery(o.HashSecret!, fields)}";
        return Task.FromResult(new ChargeSession(request.Reference, url, null, request.Amount, "VND", expires));
    }

    /// <summary>VNPay collects at payment time: nothing to capture.</summary>
    public Task<GatewayCallResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayCallResult(GatewayCallStatus.Succeeded, null, request.ProviderAmount, request.ProviderCurrency, "00", "VNPay captures at payment."));

    public async Task<GatewayCallResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var o = Configured();
        var amount = Amounts.VnPayAmount(request.Amount);
        var fields = new Dictionary<string, string>
        {
            ["vnp_RequestId"] = request.RefundReference,
            ["vnp_Version"] = VnPaySignature.Version,
            ["vnp_Command"] = "refund",
            ["vnp_TmnCode"] = o.TmnCode!,
            // 02: full refund, 03: partial.
            ["vnp_TransactionType"] = request.PaymentAmount is { } paid && request.Amount >= paid ? "02" : "03",
            ["vnp_TxnRef"] = request.Reference,
            ["vnp_Amount"] = amount.ToString(CultureInfo.InvariantCulture),
            ["vnp_TransactionNo"] = request.ProviderTransactionId ?? "",
            ["vnp_TransactionDate"] = VnPaySignature.Time(request.PaidAt),
            ["vnp_CreateBy"] = "goshop",
            ["vnp_CreateDate"] = VnPaySignature.Time(request.At),
            ["vnp_IpAddr"] = o.ServerIp,
            ["vnp_OrderInfo"] = VnPaySignature.PlainText($"Hoan tien {request.Reference} {request.Reason}"),
        };
        fields["vnp_SecureHash"] = VnPaySignature.ApiChecksum(o.HashSecret!, fields, VnPaySignature.RefundRequestOrder);

        var response = await ProviderCalls.Guard(Kind, async () =>
        {
            using var http = await httpClients.CreateClient(PaymentGatewayHttpClients.Providers)
                .PostAsJsonAsync(o.ApiUrl, fields, cancellationToken).ConfigureAwait(false);
            return await http.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("empty answer");
        }, cancellationToken).ConfigureAwait(false);
        var answer = response.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText());

        var code = answer.GetValueOrDefault("vnp_ResponseCode");
        var hash = answer.GetValueOrDefault("vnp_SecureHash");
        var signed = hash is not null
            && Signing.HexEquals(VnPaySignature.ApiChecksum(o.HashSecret!, answer, VnPaySignature.RefundResponseOrder), hash);
        if (code == "00" && !signed)
            throw new PaymentGatewayException(Kind, "INVALID_RESPONSE", "VNPay's refund answer is not signed correctly.", code);
        logger.LogInformation("VNPay refund {RefundReference} of {Reference}: {Code}", request.RefundReference, request.Reference, code);
        return code == "00"
            ? new GatewayCallResult(GatewayCallStatus.Succeeded, answer.GetValueOrDefault("vnp_TransactionNo"), request.Amount, "VND", code, answer.GetValueOrDefault("vnp_Message"))
            : new GatewayCallResult(GatewayCallStatus.Failed, null, request.Amount, "VND", code, answer.GetValueOrDefault("vnp_Message"));
    }

    public WebhookVerification Verify(WebhookRequest request)
    {
        var o = Options;
        if (!o.IsConfigured)
            return Webhooks.NotConfigured(Kind);
        var parameters = Parameters(request);
        if (!parameters.TryGetValue("vnp_SecureHash", out var hash) || string.IsNullOrEmpty(hash))
            return Webhooks.Refused("MALFORMED", "No vnp_SecureHash.");
        if (!VnPaySignature.IsValid(o.HashSecret!, parameters))
            return Webhooks.Refused("INVALID_SIGNATURE", "vnp_SecureHash does not match.");
        if (parameters.GetValueOrDefault("vnp_TmnCode") != o.TmnCode)
            return Webhooks.Refused("WRONG_MERCHANT", "vnp_TmnCode is not ours.");
        var reference = parameters.GetValueOrDefault("vnp_TxnRef");
        var responseCode = parameters.GetValueOrDefault("vnp_ResponseCode");
        if (string.IsNullOrEmpty(reference) || string.IsNullOrEmpty(responseCode)
            || !long.TryParse(parameters.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var vnpAmount))
            return Webhooks.Refused("MALFORMED", "vnp_TxnRef, vnp_ResponseCode or vnp_Amount is missing.");

        var status = parameters.GetValueOrDefault("vnp_TransactionStatus");
        var transactionNo = parameters.GetValueOrDefault("vnp_TransactionNo");
        var outcome = responseCode switch
        {
            "00" when status is null or "00" => NotificationOutcome.Captured,
            "24" => NotificationOutcome.Cancelled,
            _ => NotificationOutcome.Failed,
        };
        var notification = new GatewayNotification(
            Kind,
            $"{reference}:{transactionNo}:{responseCode}:{status}",
            reference,
            string.IsNullOrEmpty(transactionNo) || transactionNo == "0" ? null : transactionNo,
            outcome,
            Amounts.FromVnPayAmount(vnpAmount),
            "VND",
            status is null || status == responseCode ? responseCode : $"{responseCode}/{status}",
            parameters.GetValueOrDefault("vnp_OrderInfo"),
            VnPaySignature.ParseTime(parameters.GetValueOrDefault("vnp_PayDate")) ?? request.ReceivedAt)
        {
            ProviderReference = reference,
        };
        return new WebhookVerification.Verified(notification);
    }

    /// <summary>VNPay's IPN answer: always HTTP 200 with RspCode JSON.</summary>
    public WebhookReply Reply(WebhookHandling handling)
    {
        var (code, message) = handling switch
        {
            WebhookHandling.Recorded => ("00", "Confirm Success"),
            WebhookHandling.AlreadyRecorded => ("02", "Order already confirmed"),
            WebhookHandling.UnknownPayment => ("01", "Order not found"),
            WebhookHandling.AmountMismatch => ("04", "invalid amount"),
            WebhookHandling.Refused => ("97", "Invalid signature"),
            _ => ("99", "Unknown error"),
        };
        return Webhooks.Json(200, JsonSerializer.Serialize(new { RspCode = code, Message = message }));
    }

    /// <summary>The vnp_* parameters: the query string (VNPay's GET), or a form body when posted.</summary>
    private static Dictionary<string, string> Parameters(WebhookRequest request)
    {
        if (request.Query.ContainsKey("vnp_SecureHash") || request.Body.IsEmpty)
            return new Dictionary<string, string>(request.Query, StringComparer.Ordinal);
        return QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body.Span))
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private VnPayOptions Configured()
    {
        var o = Options;
        return o.IsConfigured ? o : throw new PaymentGatewayException(Kind, "GATEWAY_NOT_CONFIGURED", "VNPay has no credentials configured.");
    }
}

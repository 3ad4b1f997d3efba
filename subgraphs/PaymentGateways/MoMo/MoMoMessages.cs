using System.Globalization;
using System.Text.Json;
using GoShop.PaymentGateways.Support;

namespace GoShop.PaymentGateways.MoMo;

/// <summary>POST /v2/gateway/api/create (captureWallet).</summary>
public sealed record MoMoCreateRequest(
    string PartnerCode,
    string RequestId,
    long Amount,
    string OrderId,
    string OrderInfo,
    string RedirectUrl,
    string IpnUrl,
    string RequestType,
    string ExtraData,
    string Lang,
    bool AutoCapture,
    string Signature);

public sealed record MoMoCreateResponse(
    string? PartnerCode,
    string? RequestId,
    string? OrderId,
    long Amount,
    long ResponseTime,
    string? Message,
    int ResultCode,
    string? PayUrl,
    string? Deeplink,
    string? QrCodeUrl);

/// <summary>The IPN MoMo posts to ipnUrl (and the fields of its redirect back to redirectUrl).</summary>
public sealed record MoMoIpn(
    string PartnerCode,
    string OrderId,
    string RequestId,
    long Amount,
    string OrderInfo,
    string OrderType,
    long TransId,
    int ResultCode,
    string Message,
    string PayType,
    long ResponseTime,
    string ExtraData,
    string Signature);

/// <summary>POST /v2/gateway/api/refund.</summary>
public sealed record MoMoRefundRequest(
    string PartnerCode,
    string OrderId,
    string RequestId,
    long Amount,
    long TransId,
    string Lang,
    string Description,
    string Signature);

public sealed record MoMoRefundResponse(
    string? PartnerCode,
    string? OrderId,
    string? RequestId,
    long Amount,
    long TransId,
    int ResultCode,
    string? Message,
    long ResponseTime);

/// <summary>
/// MoMo's raw signature strings (fields in alphabetical order, <c>key=value</c> joined by '&amp;', values not
/// encoded), signed with hex HMAC-SHA256(secretKey, raw).
/// </summary>
public static class MoMoSignature
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string CreateRaw(string accessKey, long amount, string extraData, string ipnUrl, string orderId, string orderInfo,
        string partnerCode, string redirectUrl, string requestId, string requestType) =>
        $"accessKey={accessKey}&amount={N(amount)}&extraData={extraData}&ipnUrl={ipnUrl}&orderId={orderId}&orderInfo={orderInfo}"
        + $"&partnerCode={partnerCode}&redirectUrl={redirectUrl}&requestId={requestId}&requestType={requestType}";

    public static string IpnRaw(string accessKey, MoMoIpn ipn) =>
        $"accessKey={accessKey}&amount={N(ipn.Amount)}&extraData={ipn.ExtraData}&message={ipn.Message}&orderId={ipn.OrderId}"
        + $"&orderInfo={ipn.OrderInfo}&orderType={ipn.OrderType}&partnerCode={ipn.PartnerCode}&payType={ipn.PayType}"
        + $"&requestId={ipn.RequestId}&responseTime={N(ipn.ResponseTime)}&resultCode={N(ipn.ResultCode)}&transId={N(ipn.TransId)}";

    public static string RefundRaw(string accessKey, long amount, string description, string orderId, string partnerCode,
        string requestId, long transId) =>
        $"accessKey={accessKey}&amount={N(amount)}&description={description}&orderId={orderId}&partnerCode={partnerCode}"
        + $"&requestId={requestId}&transId={N(transId)}";

    public static string Sign(string secretKey, string raw) => Signing.HmacSha256Hex(secretKey, raw);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net.Http.Json;
using GoShop.PaymentGateways.MoMo;
using GoShop.PaymentGateways.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>
/// Plays MoMo v2: <c>/v2/gateway/api/create</c> checks our signature and answers a payUrl, the pay page (<c>/pay</c>)
/// posts the signed IPN to the request's ipnUrl and redirects to its redirectUrl with the signed result,
/// <c>/v2/gateway/api/refund</c> refunds a paid transId. State is in memory (one instance per process).
/// </summary>
public sealed class MoMoSandbox(IOptionsMonitor<PaymentGatewaysOptions> options, SandboxCallbacks callbacks, TimeProvider clock)
{
    private const string Provider = "MoMo";
    private readonly Lock gate = new();
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Signature, MoMoRefundResponse Answer)> refunds = new(StringComparer.Ordinal);

    private MoMoOptions Options => options.CurrentValue.MoMo;

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/v2/gateway/api/create", (MoMoCreateRequest body, MoMoSandbox sandbox, HttpContext context) => sandbox.Create(body, context));
        group.MapGet("/pay", (HttpContext context, MoMoSandbox sandbox) => sandbox.PayAsync(context));
        group.MapPost("/v2/gateway/api/refund", (MoMoRefundRequest body, MoMoSandbox sandbox) => sandbox.Refund(body));
    }

    private IResult Create(MoMoCreateRequest body, HttpContext context)
    {
        var o = Options;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        MoMoCreateResponse Fail(int code, string message) =>
            new(body.PartnerCode, body.RequestId, body.OrderId, body.Amount, now, message, code, null, null, null);
        if (body.PartnerCode != o.PartnerCode)
            return Results.Json(Fail(11, "Access denied: unknown partnerCode."), MoMoSignature.Json);
        var raw = MoMoSignature.CreateRaw(o.AccessKey!, body.Amount, body.ExtraData ?? "", body.IpnUrl ?? "", body.OrderId ?? "", body.OrderInfo ?? "",
            body.PartnerCode, body.RedirectUrl ?? "", body.RequestId ?? "", body.RequestType ?? "");
        if (!Signing.HexEquals(MoMoSignature.Sign(o.SecretKey!, raw), body.Signature))
            return Results.Json(Fail(13, "Merchant authentication failed: invalid signature."), MoMoSignature.Json, statusCode: 400);
        if (body.RequestType != MoMoGateway.RequestType || string.IsNullOrEmpty(body.OrderId) || string.IsNullOrEmpty(body.RequestId)
            || !Uri.TryCreate(body.IpnUrl, UriKind.Absolute, out _) || !Uri.TryCreate(body.RedirectUrl, UriKind.Absolute, out _))
            return Results.Json(Fail(20, "Bad format request."), MoMoSignature.Json, statusCode: 400);
        if (body.Amount is < 1_000 or > 50_000_000)
            return Results.Json(Fail(22, "The amount is out of range (1,000 to 50,000,000 VND)."), MoMoSignature.Json);
        lock (gate)
        {
            if (sessions.TryGetValue(body.OrderId, out var existing))
                // The same signed request again is a network retry: the same answer. A different one reuses the orderId.
                return Results.Json(existing.Request.Signature == body.Signature ? existing.Answer : Fail(41, "Duplicate orderId."), MoMoSignature.Json);
            var token = SandboxPages.Id("", 32);
            var payUrl = $"{SandboxSettings.BaseOf(options.CurrentValue, "momo")}/pay?t={token}";
            var answer = new MoMoCreateResponse(body.PartnerCode, body.RequestId, body.OrderId, body.Amount, now, "Thành công.", 0, payUrl,
                $"momo://app?action=payWithApp&isScanQR=false&t={token}", payUrl);
            sessions[body.OrderId] = new Session(body, token, answer);
            return Results.Json(answer, MoMoSignature.Json);
        }
    }

    private async Task<IResult> PayAsync(HttpContext context)
    {
        var o = Options;
        var token = context.Request.Query["t"].ToString();
        Session? session;
        lock (gate)
            session = sessions.Values.FirstOrDefault(s => s.Token == token);
        if (session is null)
            return SandboxPages.Error(404, Provider, "Code 42: No such payment.");
        if (session.ResultCode is not null)
            return SandboxPages.Error(400, Provider, "Code 1005: This payment link has already been used.");
        var outcome = SandboxPages.OutcomeOf(context.Request);
        if (outcome is null)
            return SandboxPages.Choose(context.Request, Provider, $"Pay {session.Request.Amount} VND for \"{session.Request.OrderInfo}\" (orderId {session.Request.OrderId}).");
        if (!SandboxPages.IsKnownOutcome(outcome))
            return SandboxPages.Error(400, Provider, "outcome must be success, failure or cancel.");

        var (code, message) = outcome switch
        {
            "success" => (0, "Thành công."),
            "failure" => (1001, "Giao dịch thanh toán thất bại do tài khoản người dùng không đủ tiền."),
            _ => (1006, "Giao dịch bị từ chối bởi người dùng."),
        };
        var transId = long.Parse(SandboxPages.Digits(10), CultureInfo.InvariantCulture);
        lock (gate)
        {
            if (session.ResultCode is not null)
                return SandboxPages.Error(400, Provider, "Code 1005: This payment link has already been used.");
            session.ResultCode = code;
            session.TransId = transId;
        }
        var request = session.Request;
        var unsigned = new MoMoIpn(request.PartnerCode, request.OrderId, request.RequestId, request.Amount, request.OrderInfo, "momo_wallet",
            transId, code, message, "qr", clock.GetUtcNow().ToUnixTimeMilliseconds(), request.ExtraData ?? "", "");
        var ipn = unsigned with { Signature = MoMoSignature.Sign(o.SecretKey!, MoMoSignature.IpnRaw(o.AccessKey!, unsigned)) };
        await callbacks.SendAsync(Provider, new HttpRequestMessage(HttpMethod.Post, request.IpnUrl)
        {
            Content = JsonContent.Create(ipn, options: MoMoSignature.Json),
        }, context.RequestAborted);

        var query = string.Join('&', new Dictionary<string, string>
        {
            ["partnerCode"] = ipn.PartnerCode, ["orderId"] = ipn.OrderId, ["requestId"] = ipn.RequestId,
            ["amount"] = N(ipn.Amount), ["orderInfo"] = ipn.OrderInfo, ["orderType"] = ipn.OrderType, ["transId"] = N(ipn.TransId),
            ["resultCode"] = N(ipn.ResultCode), ["message"] = ipn.Message, ["payType"] = ipn.PayType, ["responseTime"] = N(ipn.ResponseTime),
            ["extraData"] = ipn.ExtraData, ["signature"] = ipn.Signature,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return Results.Redirect(SandboxPages.AppendQuery(request.RedirectUrl, query));
    }

    private IResult Refund(MoMoRefundRequest body)
    {
        var o = Options;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        MoMoRefundResponse Answer(int code, string message, long transId = 0) =>
            new(body.PartnerCode, body.OrderId, body.RequestId, body.Amount, transId, code, message, now);
        if (body.PartnerCode != o.PartnerCode)
            return Results.Json(Answer(11, "Access denied: unknown partnerCode."), MoMoSignature.Json);
        var raw = MoMoSignature.RefundRaw(o.AccessKey!, body.Amount, body.Description ?? "", body.OrderId ?? "", body.PartnerCode,
            body.RequestId ?? "", body.TransId);
        if (!Signing.HexEquals(MoMoSignature.Sign(o.SecretKey!, raw), body.Signature))
            return Results.Json(Answer(13, "Merchant authentication failed: invalid signature."), MoMoSignature.Json, statusCode: 400);
        if (string.IsNullOrEmpty(body.OrderId) || body.Amount <= 0)
            return Results.Json(Answer(20, "Bad format request."), MoMoSignature.Json, statusCode: 400);
        lock (gate)
        {
            if (refunds.TryGetValue(body.OrderId, out var earlier))
                return Results.Json(earlier.Signature == body.Signature ? earlier.Answer : Answer(41, "Duplicate orderId."), MoMoSignature.Json);
            var paid = sessions.Values.FirstOrDefault(s => s.TransId == body.TransId && s.ResultCode == 0);
            if (paid is null)
                return Results.Json(Answer(42, "No paid transaction has this transId."), MoMoSignature.Json);
            if (body.Amount > paid.Request.Amount - paid.Refunded)
                return Results.Json(Answer(1080, "The refund amount exceeds what can be refunded."), MoMoSignature.Json);
            paid.Refunded += body.Amount;
            var answer = Answer(0, "Thành công.", long.Parse(SandboxPages.Digits(10), CultureInfo.InvariantCulture));
            refunds[body.OrderId] = (body.Signature, answer);
            return Results.Json(answer, MoMoSignature.Json);
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Session(MoMoCreateRequest request, string token, MoMoCreateResponse answer)
    {
        public MoMoCreateRequest Request { get; } = request;
        public string Token { get; } = token;
        public MoMoCreateResponse Answer { get; } = answer;
        public int? ResultCode { get; set; }
        public long TransId { get; set; }
        public long Refunded { get; set; }
    }
}

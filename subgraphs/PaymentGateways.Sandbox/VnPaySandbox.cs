using System.Globalization;
using System.Text.Json;
using GoShop.PaymentGateways.VnPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>
/// Plays VNPay: the payment page (<c>/paymentv2/vpcpay.html</c>) checks our signed vnp_* parameters like VNPay does,
/// then on an outcome sends the signed IPN (GET) to <c>VnPay:SandboxWebhookUrl</c> and redirects to vnp_ReturnUrl with
/// the same signed result; the merchant API (<c>/merchant_webapi/api/transaction</c>) answers refunds. State is in
/// memory (one instance per process).
/// </summary>
public sealed class VnPaySandbox(IOptionsMonitor<PaymentGatewaysOptions> options, SandboxCallbacks callbacks, TimeProvider clock)
{
    private const string Provider = "VNPay";
    private readonly Lock gate = new();
    private readonly Dictionary<string, Payment> payments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> refunds = new(StringComparer.Ordinal);

    private VnPayOptions Options => options.CurrentValue.VnPay;

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/paymentv2/vpcpay.html", (HttpContext context, VnPaySandbox sandbox) => sandbox.PayAsync(context));
        group.MapPost("/merchant_webapi/api/transaction", (Dictionary<string, JsonElement> body, VnPaySandbox sandbox) => sandbox.Transaction(body));
    }

    private async Task<IResult> PayAsync(HttpContext context)
    {
        var o = Options;
        var parameters = SandboxPages.QueryOf(context.Request);
        string? Get(string key) => parameters.GetValueOrDefault(key);
        if (Get("vnp_TmnCode") != o.TmnCode)
            return SandboxPages.Error(400, Provider, "Code 02: Merchant not found (vnp_TmnCode).");
        if (!VnPaySignature.IsValid(o.HashSecret!, parameters))
            return SandboxPages.Error(400, Provider, "Code 70: Invalid signature (vnp_SecureHash).");
        if (Get("vnp_Version") != VnPaySignature.Version || Get("vnp_Command") != "pay" || Get("vnp_CurrCode") != "VND"
            || !long.TryParse(Get("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount % 100 != 0
            || string.IsNullOrEmpty(Get("vnp_TxnRef")) || string.IsNullOrEmpty(Get("vnp_OrderInfo")) || string.IsNullOrEmpty(Get("vnp_IpAddr"))
            || !Uri.TryCreate(Get("vnp_ReturnUrl"), UriKind.Absolute, out _)
            || VnPaySignature.ParseTime(Get("vnp_CreateDate")) is null || VnPaySignature.ParseTime(Get("vnp_ExpireDate")) is not { } expires)
            return SandboxPages.Error(400, Provider, "Code 03: Invalid data format.");
        var reference = Get("vnp_TxnRef")!;
        var now = clock.GetUtcNow();
        if (now > expires)
            return SandboxPages.Error(400, Provider, "Code 11: The payment session has expired.");
        lock (gate)
            if (payments.TryGetValue(reference, out var paid) && paid.Succeeded)
                return SandboxPages.Error(400, Provider, "This transaction reference has already been paid.");

        var outcome = SandboxPages.OutcomeOf(context.Request);
        if (outcome is null)
            return SandboxPages.Choose(context.Request, Provider, $"Pay {amount / 100} VND for \"{Get("vnp_OrderInfo")}\" (vnp_TxnRef {reference}).");
        if (!SandboxPages.IsKnownOutcome(outcome))
            return SandboxPages.Error(400, Provider, "outcome must be success, failure or cancel.");

        var (responseCode, status) = outcome switch { "success" => ("00", "00"), "failure" => ("51", "02"), _ => ("24", "02") };
        var transactionNo = outcome == "cancel" ? "0" : SandboxPages.Digits(8);
        var result = new Dictionary<string, string>
        {
            ["vnp_Amount"] = amount.ToString(CultureInfo.InvariantCulture),
            ["vnp_BankCode"] = outcome == "cancel" ? "VNPAY" : "NCB",
            ["vnp_CardType"] = "ATM",
            ["vnp_OrderInfo"] = Get("vnp_OrderInfo")!,
            ["vnp_PayDate"] = VnPaySignature.Time(now),
            ["vnp_ResponseCode"] = responseCode,
            ["vnp_TmnCode"] = o.TmnCode!,
            ["vnp_TransactionNo"] = transactionNo,
            ["vnp_TransactionStatus"] = status,
            ["vnp_TxnRef"] = reference,
        };
        if (outcome == "success")
            result["vnp_BankTranNo"] = "VNP" + transactionNo;
        lock (gate)
        {
            // Checked again with the write: two tabs paying the same reference at once pay it once.
            if (payments.TryGetValue(reference, out var paid) && paid.Succeeded)
                return SandboxPages.Error(400, Provider, "This transaction reference has already been paid.");
            payments[reference] = new Payment(amount, transactionNo, outcome == "success");
        }

        var query = VnPaySignature.SignedQuery(o.HashSecret!, result);
        await callbacks.SendAsync(Provider, new HttpRequestMessage(HttpMethod.Get, SandboxPages.AppendQuery(o.SandboxWebhookUrl!, query)),
            context.RequestAborted);
        return Results.Redirect(SandboxPages.AppendQuery(Get("vnp_ReturnUrl")!, query));
    }

    private IResult Transaction(Dictionary<string, JsonElement> body)
    {
        var o = Options;
        var fields = body.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);
        string Get(string key) => fields.GetValueOrDefault(key) ?? "";
        if (Get("vnp_Command") != "refund")
            return Answer(fields, "99", "Only vnp_Command=refund is simulated.", null);
        if (!Signing(fields))
            return Answer(fields, "97", "Invalid checksum", null);
        if (Get("vnp_TmnCode") != o.TmnCode)
            return Answer(fields, "02", "Merchant not found", null);
        if (!long.TryParse(Get("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0
            || Get("vnp_TransactionType") is not ("02" or "03") || string.IsNullOrEmpty(Get("vnp_RequestId")))
            return Answer(fields, "03", "Invalid data format", null);
        lock (gate)
        {
            // A repeated vnp_RequestId gets the first answer again (VNPay itself answers 94, duplicate request).
            if (refunds.TryGetValue(Get("vnp_RequestId"), out var earlier))
                return Results.Json(earlier);
            if (!payments.TryGetValue(Get("vnp_TxnRef"), out var payment) || !payment.Succeeded
                || (Get("vnp_TransactionNo").Length > 0 && Get("vnp_TransactionNo") != payment.TransactionNo))
                return Answer(fields, "91", "Transaction not found", null);
            var remaining = payment.Amount - payment.Refunded;
            if (amount > remaining || (Get("vnp_TransactionType") == "02" && amount != payment.Amount))
                return Answer(fields, "03", "Invalid refund amount", null);
            payment.Refunded += amount;
            var answer = Response(fields, "00", "Refund request accepted", SandboxPages.Digits(8));
            refunds[Get("vnp_RequestId")] = answer;
            return Results.Json(answer);
        }
    }

    private bool Signing(Dictionary<string, string> fields) =>
        fields.TryGetValue("vnp_SecureHash", out var hash)
        && GoShop.PaymentGateways.Support.Signing.HexEquals(
            VnPaySignature.ApiChecksum(Options.HashSecret!, fields, VnPaySignature.RefundRequestOrder), hash);

    private IResult Answer(Dictionary<string, string> request, string code, string message, string? transactionNo) =>
        Results.Json(Response(request, code, message, transactionNo));

    private Dictionary<string, string> Response(Dictionary<string, string> request, string code, string message, string? transactionNo)
    {
        var answer = new Dictionary<string, string>
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Command"] = "refund",
            ["vnp_ResponseCode"] = code,
            ["vnp_Message"] = message,
            ["vnp_TmnCode"] = request.GetValueOrDefault("vnp_TmnCode") ?? "",
            ["vnp_TxnRef"] = request.GetValueOrDefault("vnp_TxnRef") ?? "",
            ["vnp_Amount"] = request.GetValueOrDefault("vnp_Amount") ?? "",
            ["vnp_BankCode"] = "NCB",
            ["vnp_PayDate"] = VnPaySignature.Time(clock.GetUtcNow()),
            ["vnp_TransactionNo"] = transactionNo ?? "",
            ["vnp_TransactionType"] = request.GetValueOrDefault("vnp_TransactionType") ?? "",
            // 05: VNPay is processing the refund.
            ["vnp_TransactionStatus"] = code == "00" ? "05" : "",
            ["vnp_OrderInfo"] = request.GetValueOrDefault("vnp_OrderInfo") ?? "",
        };
        answer["vnp_SecureHash"] = VnPaySignature.ApiChecksum(Options.HashSecret!, answer, VnPaySignature.RefundResponseOrder);
        return answer;
    }

    private sealed class Payment(long amount, string transactionNo, bool succeeded)
    {
        public long Amount { get; } = amount;
        public string TransactionNo { get; } = transactionNo;
        public bool Succeeded { get; } = succeeded;
        public long Refunded { get; set; }
    }
}

using System.Net;
using GoShop.PaymentGateways.Sandbox;
using GoShop.PaymentGateways.Tests.Support;
using GoShop.PaymentGateways.VnPay;

namespace GoShop.PaymentGateways.Tests;

public class VnPayTests
{
    private const string Secret = SandboxCredentials.VnPayHashSecret;
    private const string TmnCode = SandboxCredentials.VnPayTmnCode;

    [Fact]
    public void The_signed_query_is_sorted_by_key_without_empty_values_and_url_encoded_like_VNPay_reference_code()
    {
        var fields = new Dictionary<string, string>
        {
            ["vnp_TxnRef"] = "abc123",
            ["vnp_Amount"] = "15000000",
            ["vnp_OrderInfo"] = "Thanh toan don hang #42",
            ["vnp_ReturnUrl"] = "https://shop.test/r?a=1&b=2",
            ["vnp_BankCode"] = "",
        };
        const string expected = "vnp_Amount=15000000&vnp_OrderInfo=Thanh+toan+don+hang+%2342&vnp_ReturnUrl=https%3A%2F%2Fshop.test%2Fr%3Fa%3D1%26b%3D2&vnp_TxnRef=abc123";

        Assert.Equal(expected, VnPaySignature.Query(fields));
        Assert.Equal(Independent.HmacSha512(Secret, expected), VnPaySignature.Hash(Secret, fields));
        Assert.Equal(128, VnPaySignature.Hash(Secret, fields).Length);
    }

    [Fact]
    public async Task The_payment_url_carries_every_vnp_field_and_a_hash_over_them()
    {
        using var services = Gateways.Build();
        var charge = Charges.Request(GatewayKind.VnPay, 150_000m);

        var session = await services.Get(GatewayKind.VnPay).CreateChargeAsync(charge, default);

        var url = new Uri(session.RedirectUrl!);
        Assert.Equal("http://localhost:8006/sandbox/vnpay/paymentv2/vpcpay.html", url.GetLeftPart(UriPartial.Path));
        var expected = "vnp_Amount=15000000&vnp_Command=pay&vnp_CreateDate=20260301100000&vnp_CurrCode=VND&vnp_ExpireDate=20260301101500"
            + "&vnp_IpAddr=203.0.113.7&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%2342&vnp_OrderType=other"
            + "&vnp_ReturnUrl=https%3A%2F%2Fshop.goshop.test%2Fpayments%2Freturn&vnp_TmnCode=" + TmnCode
            + "&vnp_TxnRef=" + charge.Reference + "&vnp_Version=2.1.0";
        Assert.Equal("?" + expected + "&vnp_SecureHash=" + Independent.HmacSha512(Secret, expected), url.Query);
        Assert.Equal(charge.Reference, session.ProviderReference);
        Assert.Equal((150_000m, "VND"), (session.ProviderAmount, session.ProviderCurrency));
        Assert.Equal(SandboxHost.Start.AddMinutes(15), session.ExpiresAt);
    }

    [Fact]
    public async Task A_fraction_of_a_dong_or_another_currency_is_refused_before_any_url_is_made()
    {
        using var services = Gateways.Build();
        var gateway = services.Get(GatewayKind.VnPay);

        var fraction = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CreateChargeAsync(Charges.Request(GatewayKind.VnPay, 1000.5m), default));
        var usd = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CreateChargeAsync(Charges.Request(GatewayKind.VnPay) with { Currency = "USD" }, default));

        Assert.Equal("INVALID_AMOUNT", fraction.Code);
        Assert.Equal("UNSUPPORTED_CURRENCY", usd.Code);
    }

    private static Dictionary<string, string> Ipn(string responseCode = "00", string status = "00", string amount = "15000000", string tmnCode = TmnCode)
    {
        var query = $"vnp_Amount={amount}&vnp_BankCode=NCB&vnp_OrderInfo=Thanh+toan+don+hang&vnp_PayDate=20260301101000&vnp_ResponseCode={responseCode}"
            + $"&vnp_TmnCode={tmnCode}&vnp_TransactionNo=14123456&vnp_TransactionStatus={status}&vnp_TxnRef=ref42";
        return new Dictionary<string, string>
        {
            ["vnp_Amount"] = amount, ["vnp_BankCode"] = "NCB", ["vnp_OrderInfo"] = "Thanh toan don hang", ["vnp_PayDate"] = "20260301101000",
            ["vnp_ResponseCode"] = responseCode, ["vnp_TmnCode"] = tmnCode, ["vnp_TransactionNo"] = "14123456",
            ["vnp_TransactionStatus"] = status, ["vnp_TxnRef"] = "ref42",
            ["vnp_SecureHashType"] = "HmacSHA512", ["vnp_SecureHash"] = Independent.HmacSha512(Secret, query),
        };
    }

    [Fact]
    public void A_genuine_IPN_verifies_with_the_amount_divided_by_100()
    {
        using var services = Gateways.Build();

        var verified = Assert.IsType<WebhookVerification.Verified>(services.Get(GatewayKind.VnPay).Verify(Independent.Get(Ipn())));

        var n = verified.Notification;
        Assert.Equal((GatewayKind.VnPay, "ref42", "14123456", NotificationOutcome.Captured), (n.Gateway, n.Reference, n.ProviderTransactionId, n.Outcome));
        Assert.Equal((150_000m, "VND"), (n.ProviderAmount, n.ProviderCurrency));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 10, 0, TimeSpan.FromHours(7)), n.OccurredAt);
        Assert.Equal("ref42:14123456:00:00", n.ProviderEventId);
    }

    [Theory]
    [InlineData("24", "02", NotificationOutcome.Cancelled)]
    [InlineData("51", "02", NotificationOutcome.Failed)]
    [InlineData("00", "01", NotificationOutcome.Failed)]
    [InlineData("11", "02", NotificationOutcome.Failed)]
    public void The_response_code_and_transaction_status_decide_the_outcome(string code, string status, NotificationOutcome outcome)
    {
        using var services = Gateways.Build();

        var verified = Assert.IsType<WebhookVerification.Verified>(services.Get(GatewayKind.VnPay).Verify(Independent.Get(Ipn(code, status))));

        Assert.Equal(outcome, verified.Notification.Outcome);
    }

    [Fact]
    public void A_hash_in_upper_case_hex_is_the_same_hash()
    {
        using var services = Gateways.Build();
        var ipn = Ipn();
        ipn["vnp_SecureHash"] = ipn["vnp_SecureHash"].ToUpperInvariant();

        Assert.IsType<WebhookVerification.Verified>(services.Get(GatewayKind.VnPay).Verify(Independent.Get(ipn)));
    }

    [Fact]
    public void A_tampered_missing_or_foreign_IPN_is_refused()
    {
        using var services = Gateways.Build();
        var gateway = services.Get(GatewayKind.VnPay);
        var tampered = Ipn();
        tampered["vnp_Amount"] = "1500000";
        var missing = Ipn();
        missing.Remove("vnp_SecureHash");
        var garbage = Ipn();
        garbage["vnp_SecureHash"] = "not-hex";
        var foreign = Ipn(tmnCode: "OTHER001");

        Assert.Equal("INVALID_SIGNATURE", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Get(tampered))).Reason);
        Assert.Equal("MALFORMED", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Get(missing))).Reason);
        Assert.Equal("INVALID_SIGNATURE", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Get(garbage))).Reason);
        Assert.Equal("WRONG_MERCHANT", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Get(foreign))).Reason);
    }

    [Fact]
    public void An_IPN_posted_as_a_form_verifies_like_the_GET()
    {
        using var services = Gateways.Build();
        var form = string.Join('&', Ipn().Select(p => $"{p.Key}={System.Net.WebUtility.UrlEncode(p.Value)}"));

        var verification = services.Get(GatewayKind.VnPay).Verify(Independent.Post(form) with { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" } });

        Assert.Equal("ref42", Assert.IsType<WebhookVerification.Verified>(verification).Notification.Reference);
    }

    [Fact]
    public async Task Paying_the_same_reference_twice_at_once_sends_one_successful_IPN()
    {
        await using var host = await SandboxHost.StartAsync();
        var session = await host.Gateway(GatewayKind.VnPay).CreateChargeAsync(Charges.Request(GatewayKind.VnPay), default);
        var url = Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=success";

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.Browser.GetAsync(url)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(host.Received);
        using var deliveries = System.Text.Json.JsonDocument.Parse(await host.Browser.GetStringAsync("/sandbox/deliveries"));
        var delivery = Assert.Single(deliveries.RootElement.EnumerateArray().ToList());
        Assert.Equal((200, """{"RspCode":"00","Message":"Confirm Success"}"""), (delivery.GetProperty("statusCode").GetInt32(), delivery.GetProperty("reply").GetString()));
    }

    [Theory]
    [InlineData(WebhookHandling.Recorded, "00")]
    [InlineData(WebhookHandling.UnknownPayment, "01")]
    [InlineData(WebhookHandling.AlreadyRecorded, "02")]
    [InlineData(WebhookHandling.AmountMismatch, "04")]
    [InlineData(WebhookHandling.Refused, "97")]
    [InlineData(WebhookHandling.Failed, "99")]
    public void The_reply_is_VNPay_RspCode_json_with_HTTP_200(WebhookHandling handling, string code)
    {
        using var services = Gateways.Build();

        var reply = services.Get(GatewayKind.VnPay).Reply(handling);

        Assert.Equal(200, reply.StatusCode);
        Assert.Equal("application/json", reply.ContentType);
        Assert.StartsWith($"{{\"RspCode\":\"{code}\",\"Message\":\"", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refund_checksum_covers_the_documented_fields_joined_by_pipes_in_order()
    {
        Assert.Equal(
            ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo",
                "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"],
            VnPaySignature.RefundRequestOrder);
        var fields = VnPaySignature.RefundRequestOrder.ToDictionary(k => k, k => k[4..]);

        Assert.Equal(
            Independent.HmacSha512(Secret, "RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|TransactionNo|TransactionDate|CreateBy|CreateDate|IpAddr|OrderInfo"),
            VnPaySignature.ApiChecksum(Secret, fields, VnPaySignature.RefundRequestOrder));
    }

    [Fact]
    public async Task Sandbox_round_trip_pays_sends_the_signed_IPN_and_returns_the_browser_with_the_same_signed_result()
    {
        await using var host = await SandboxHost.StartAsync();
        var gateway = host.Gateway(GatewayKind.VnPay);
        var charge = Charges.Request(GatewayKind.VnPay, 150_000m);
        var session = await gateway.CreateChargeAsync(charge, default);

        var page = await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("outcome=success", html, StringComparison.Ordinal);
        Assert.Contains("outcome=cancel", html, StringComparison.Ordinal);
        Assert.Empty(host.Received);

        var paid = await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=success");

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var ipn = await host.WebhookAsync(GatewayKind.VnPay);
        Assert.Equal("GET", ipn.Request.Method);
        var n = ipn.Notification;
        Assert.Equal((charge.Reference, NotificationOutcome.Captured, 150_000m, "VND"), (n.Reference, n.Outcome, n.ProviderAmount, n.ProviderCurrency));
        Assert.NotNull(n.ProviderTransactionId);
        var back = paid.Headers.Location!.ToString();
        Assert.StartsWith(Charges.ReturnUrl + "?", back, StringComparison.Ordinal);
        var returned = Assert.IsType<WebhookVerification.Verified>(gateway.Verify(Independent.Get(Charges.QueryOf(back))));
        Assert.Equal(n.ProviderEventId, returned.Notification.ProviderEventId);
        var delivery = Assert.Single(host.App.Services.GetRequiredService<GoShop.PaymentGateways.Sandbox.SandboxCallbacks>().Deliveries);
        Assert.Contains("\"RspCode\":\"00\"", delivery.Reply, StringComparison.Ordinal);

        var refund = await gateway.RefundAsync(Charges.Refund(charge, session, n.ProviderTransactionId, 50_000m), default);
        Assert.Equal((GatewayCallStatus.Succeeded, "00"), (refund.Status, refund.ProviderCode));
        var tooMuch = await gateway.RefundAsync(Charges.Refund(charge, session, n.ProviderTransactionId, 100_001m), default);
        Assert.Equal((GatewayCallStatus.Failed, "03"), (tooMuch.Status, tooMuch.ProviderCode));
    }

    [Fact]
    public async Task A_refund_of_the_whole_payment_is_type_02_and_of_a_part_type_03()
    {
        await using var host = await SandboxHost.StartAsync();
        var gateway = host.Gateway(GatewayKind.VnPay);
        var charge = Charges.Request(GatewayKind.VnPay, 150_000m);
        var session = await gateway.CreateChargeAsync(charge, default);
        await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=success");
        var paid = (await host.WebhookAsync(GatewayKind.VnPay)).Notification;

        // The sandbox, like VNPay, refuses a full refund (02) of less than the payment.
        var wrongType = await gateway.RefundAsync(Charges.Refund(charge, session, paid.ProviderTransactionId, 100_000m) with { PaymentAmount = 100_000m }, default);
        var full = await gateway.RefundAsync(Charges.Refund(charge, session, paid.ProviderTransactionId, 150_000m) with { PaymentAmount = 150_000m }, default);

        Assert.Equal((GatewayCallStatus.Failed, "03"), (wrongType.Status, wrongType.ProviderCode));
        Assert.Equal((GatewayCallStatus.Succeeded, "00"), (full.Status, full.ProviderCode));
    }

    [Theory]
    [InlineData("failure", NotificationOutcome.Failed)]
    [InlineData("cancel", NotificationOutcome.Cancelled)]
    public async Task Sandbox_failure_and_cancel_send_their_genuine_codes(string outcome, NotificationOutcome expected)
    {
        await using var host = await SandboxHost.StartAsync();
        var session = await host.Gateway(GatewayKind.VnPay).CreateChargeAsync(Charges.Request(GatewayKind.VnPay), default);

        await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=" + outcome);

        Assert.Equal(expected, (await host.WebhookAsync(GatewayKind.VnPay)).Notification.Outcome);
    }

    [Fact]
    public async Task The_sandbox_refuses_a_tampered_or_expired_payment_url_and_calls_nobody()
    {
        await using var host = await SandboxHost.StartAsync();
        var session = await host.Gateway(GatewayKind.VnPay).CreateChargeAsync(Charges.Request(GatewayKind.VnPay, 150_000m), default);
        var url = Charges.PathAndQuery(session.RedirectUrl!);

        var tampered = await host.Browser.GetAsync(url.Replace("vnp_Amount=15000000", "vnp_Amount=100", StringComparison.Ordinal) + "&outcome=success");
        host.Clock.Advance(TimeSpan.FromMinutes(16));
        var expired = await host.Browser.GetAsync(url + "&outcome=success");

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("Invalid signature", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Received);
    }
}

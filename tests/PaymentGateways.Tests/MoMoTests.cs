using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoShop.PaymentGateways.MoMo;
using GoShop.PaymentGateways.Sandbox;
using GoShop.PaymentGateways.Tests.Support;

namespace GoShop.PaymentGateways.Tests;

public class MoMoTests
{
    private const string AccessKey = SandboxCredentials.MoMoAccessKey;
    private const string SecretKey = SandboxCredentials.MoMoSecretKey;
    private const string PartnerCode = SandboxCredentials.MoMoPartnerCode;

    [Fact]
    public void The_create_signature_covers_MoMo_raw_string_in_its_documented_order()
    {
        const string raw = "accessKey=" + AccessKey + "&amount=150000&extraData=&ipnUrl=https://api.test/webhooks/momo&orderId=ref42"
            + "&orderInfo=Thanh toán đơn hàng&partnerCode=" + PartnerCode + "&redirectUrl=https://shop.test/return&requestId=ref42&requestType=captureWallet";

        Assert.Equal(raw, MoMoSignature.CreateRaw(AccessKey, 150_000, "", "https://api.test/webhooks/momo", "ref42", "Thanh toán đơn hàng",
            PartnerCode, "https://shop.test/return", "ref42", "captureWallet"));
        Assert.Equal(Independent.HmacSha256(SecretKey, raw), MoMoSignature.Sign(SecretKey, raw));
    }

    [Fact]
    public void The_refund_signature_covers_MoMo_raw_string_in_its_documented_order()
    {
        const string raw = "accessKey=" + AccessKey + "&amount=50000&description=Tra hang&orderId=rf1&partnerCode=" + PartnerCode + "&requestId=rf1&transId=4088878653";

        Assert.Equal(raw, MoMoSignature.RefundRaw(AccessKey, 50_000, "Tra hang", "rf1", PartnerCode, "rf1", 4088878653));
    }

    private static string IpnBody(int resultCode = 0, long amount = 150_000, string? signature = null, string partnerCode = PartnerCode)
    {
        var raw = $"accessKey={AccessKey}&amount={amount}&extraData=&message=Thành công.&orderId=ref42&orderInfo=Thanh toan&orderType=momo_wallet"
            + $"&partnerCode={partnerCode}&payType=qr&requestId=ref42&responseTime=1772334000000&resultCode={resultCode}&transId=4088878653";
        return JsonSerializer.Serialize(new
        {
            partnerCode, orderId = "ref42", requestId = "ref42", amount, orderInfo = "Thanh toan", orderType = "momo_wallet", transId = 4088878653L,
            resultCode, message = "Thành công.", payType = "qr", responseTime = 1772334000000L, extraData = "",
            signature = signature ?? Independent.HmacSha256(SecretKey, raw),
        });
    }

    [Fact]
    public void A_genuine_IPN_verifies()
    {
        using var services = Gateways.Build();

        var verified = Assert.IsType<WebhookVerification.Verified>(services.Get(GatewayKind.MoMo).Verify(Independent.Post(IpnBody())));

        var n = verified.Notification;
        Assert.Equal(("ref42", "4088878653", NotificationOutcome.Captured, 150_000m, "VND"), (n.Reference, n.ProviderTransactionId, n.Outcome, n.ProviderAmount, n.ProviderCurrency));
        Assert.Equal("ref42:4088878653:0", n.ProviderEventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1772334000000), n.OccurredAt);
    }

    [Theory]
    [InlineData(1006, NotificationOutcome.Cancelled)]
    [InlineData(1001, NotificationOutcome.Failed)]
    [InlineData(9000, NotificationOutcome.Authorized)]
    public void The_result_code_decides_the_outcome(int resultCode, NotificationOutcome outcome)
    {
        using var services = Gateways.Build();

        var verified = Assert.IsType<WebhookVerification.Verified>(services.Get(GatewayKind.MoMo).Verify(Independent.Post(IpnBody(resultCode))));

        Assert.Equal(outcome, verified.Notification.Outcome);
    }

    [Fact]
    public void A_tampered_unsigned_malformed_or_foreign_IPN_is_refused()
    {
        using var services = Gateways.Build();
        var gateway = services.Get(GatewayKind.MoMo);
        var tampered = IpnBody().Replace("150000", "1500", StringComparison.Ordinal);

        Assert.Equal("INVALID_SIGNATURE", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Post(tampered))).Reason);
        Assert.Equal("MALFORMED", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Post(IpnBody(signature: "")))).Reason);
        Assert.Equal("MALFORMED", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Post("{not json"))).Reason);
        Assert.Equal("WRONG_MERCHANT", Assert.IsType<WebhookVerification.Refused>(gateway.Verify(Independent.Post(IpnBody(partnerCode: "OTHER")))).Reason);
    }

    [Theory]
    [InlineData(WebhookHandling.Recorded, 204)]
    [InlineData(WebhookHandling.AlreadyRecorded, 204)]
    [InlineData(WebhookHandling.UnknownPayment, 404)]
    [InlineData(WebhookHandling.AmountMismatch, 400)]
    [InlineData(WebhookHandling.Refused, 400)]
    [InlineData(WebhookHandling.Failed, 500)]
    public void The_reply_is_204_for_a_handled_IPN(WebhookHandling handling, int status)
    {
        using var services = Gateways.Build();

        var reply = services.Get(GatewayKind.MoMo).Reply(handling);

        Assert.Equal((status, null), (reply.StatusCode, reply.Body));
    }

    [Fact]
    public async Task Sandbox_round_trip_pays_posts_the_signed_IPN_redirects_and_refunds()
    {
        await using var host = await SandboxHost.StartAsync();
        var gateway = host.Gateway(GatewayKind.MoMo);
        var charge = Charges.Request(GatewayKind.MoMo, 150_000m);
        var session = await gateway.CreateChargeAsync(charge, default);
        Assert.StartsWith("http://localhost:8006/sandbox/momo/pay?t=", session.RedirectUrl, StringComparison.Ordinal);

        var chooser = await host.Browser.GetStringAsync(Charges.PathAndQuery(session.RedirectUrl!));
        Assert.Contains("outcome=failure", chooser, StringComparison.Ordinal);
        var paid = await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=success");

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var ipn = await host.WebhookAsync(GatewayKind.MoMo);
        var n = ipn.Notification;
        Assert.Equal((charge.Reference, NotificationOutcome.Captured, 150_000m), (n.Reference, n.Outcome, n.ProviderAmount));
        var back = Charges.QueryOf(paid.Headers.Location!.ToString());
        Assert.Equal(("0", charge.Reference, n.ProviderTransactionId), (back["resultCode"], back["orderId"], back["transId"]));
        var again = await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=success");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Single(host.Received);

        var refund = await gateway.RefundAsync(Charges.Refund(charge, session, n.ProviderTransactionId, 150_000m), default);
        Assert.Equal((GatewayCallStatus.Succeeded, "0"), (refund.Status, refund.ProviderCode));
        var second = await gateway.RefundAsync(Charges.Refund(charge, session, n.ProviderTransactionId, 1_000m), default);
        Assert.Equal((GatewayCallStatus.Failed, "1080"), (second.Status, second.ProviderCode));
    }

    [Theory]
    [InlineData("failure", NotificationOutcome.Failed, "1001")]
    [InlineData("cancel", NotificationOutcome.Cancelled, "1006")]
    public async Task Sandbox_failure_and_cancel_send_their_genuine_codes(string outcome, NotificationOutcome expected, string code)
    {
        await using var host = await SandboxHost.StartAsync();
        var session = await host.Gateway(GatewayKind.MoMo).CreateChargeAsync(Charges.Request(GatewayKind.MoMo), default);

        await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=" + outcome);

        var n = (await host.WebhookAsync(GatewayKind.MoMo)).Notification;
        Assert.Equal((expected, code), (n.Outcome, n.ProviderCode));
    }

    [Fact]
    public async Task The_sandbox_refuses_a_create_request_with_a_wrong_signature_or_an_amount_out_of_range()
    {
        await using var host = await SandboxHost.StartAsync();
        var raw = MoMoSignature.CreateRaw(AccessKey, 150_000, "", "http://localhost/webhooks/momo", "o1", "x", PartnerCode, "http://localhost/r", "o1", "captureWallet");
        var request = new MoMoCreateRequest(PartnerCode, "o1", 150_000, "o1", "x", "http://localhost/r", "http://localhost/webhooks/momo", "captureWallet", "", "vi", true,
            Independent.HmacSha256("some-other-secret", raw));

        var refused = await host.Browser.PostAsJsonAsync("/sandbox/momo/v2/gateway/api/create", request, MoMoSignature.Json);
        var tooSmall = await host.Gateway(GatewayKind.MoMo).CreateChargeAsync(Charges.Request(GatewayKind.MoMo, 500m), default)
            .ContinueWith(t => t.Exception?.InnerException as PaymentGatewayException);

        Assert.Equal(13, (await refused.Content.ReadFromJsonAsync<MoMoCreateResponse>(MoMoSignature.Json))!.ResultCode);
        Assert.Equal(("PROVIDER_REJECTED", "22"), (tooSmall?.Code, tooSmall?.ProviderCode));
    }
}

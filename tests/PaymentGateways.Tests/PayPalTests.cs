using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using GoShop.PaymentGateways.PayPal;
using GoShop.PaymentGateways.Tests.Support;

namespace GoShop.PaymentGateways.Tests;

public sealed class PayPalTests : IDisposable
{
    private const string WebhookId = "WH-LIVE-TEST";
    private const string CertUrl = "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270";
    private const string ExpiredCertUrl = "https://api.paypal.com/v1/notifications/certs/CERT-expired";
    private static readonly Dictionary<string, string?> Live = new()
    {
        ["Payments:Gateways:PayPal:ClientId"] = "live-client",
        ["Payments:Gateways:PayPal:ClientSecret"] = "live-secret",
        ["Payments:Gateways:PayPal:WebhookId"] = WebhookId,
    };

    private readonly RSA key = RSA.Create(2048);
    private readonly X509Certificate2 certificate;
    private readonly X509Certificate2 expired;
    private readonly StubHandler certificates;
    private readonly ServiceProvider services;

    public PayPalTests()
    {
        var request = new CertificateRequest("CN=messageverificationcerts.paypal.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        certificate = request.CreateSelfSigned(SandboxHost.Start.AddDays(-30), SandboxHost.Start.AddDays(300));
        expired = request.CreateSelfSigned(SandboxHost.Start.AddDays(-300), SandboxHost.Start.AddDays(-1));
        certificates = new StubHandler(message => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(message.RequestUri!.AbsoluteUri == ExpiredCertUrl ? expired.ExportCertificatePem() : certificate.ExportCertificatePem()),
        });
        services = Gateways.Build(Live, "Production", certificates);
    }

    public void Dispose()
    {
        services.Dispose();
        certificates.Dispose();
        certificate.Dispose();
        expired.Dispose();
        key.Dispose();
    }

    private IPaymentGateway Gateway => services.Get(GatewayKind.PayPal);

    private static string Event(string type, object resource, string id = "WH-58D329510W468432D-8HN650336L201105X") =>
        JsonSerializer.Serialize(new { id, event_version = "1.0", create_time = "2026-03-01T03:00:00Z", resource_type = "capture", event_type = type, resource });

    private static readonly object Capture = new
    {
        id = "42311647XV020574X", status = "COMPLETED", amount = new { currency_code = "USD", value = "6.00" }, custom_id = "ref42", invoice_id = "ref42",
        supplementary_data = new { related_ids = new { order_id = "5O190127TN364715T" } },
    };

    private WebhookRequest Signed(string body, string certUrl = CertUrl, string webhookId = WebhookId, string algorithm = "SHA256withRSA", string? tamperedBody = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        // Computed here by hand from PayPal's documentation: transmissionId|transmissionTime|webhookId|crc32(body) as decimal.
        var signed = $"b2384410-f8d2-11ea-ad4d-0242ac110003|2026-03-01T03:00:00Z|{webhookId}|{Crc(bytes)}";
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return Independent.Post(tamperedBody ?? body, new Dictionary<string, string>
        {
            ["Paypal-Transmission-Id"] = "b2384410-f8d2-11ea-ad4d-0242ac110003",
            ["Paypal-Transmission-Time"] = "2026-03-01T03:00:00Z",
            ["Paypal-Transmission-Sig"] = signature,
            ["Paypal-Cert-Url"] = certUrl,
            ["Paypal-Auth-Algo"] = algorithm,
        });
    }

    /// <summary>CRC-32 bit by bit (reflected, polynomial 0xEDB88320), apart from the library's table version.</summary>
    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    [Fact]
    public void The_signed_string_is_transmission_id_time_webhook_id_and_the_decimal_crc32_of_the_body()
    {
        Assert.Equal(0xCBF43926u, Support.Crc32Check.Of("123456789"));
        Assert.Equal("t1|2026-03-01T03:00:00Z|WH-1|3421780262", PayPalSignature.SignedString("t1", "2026-03-01T03:00:00Z", "WH-1", "123456789"u8));
    }

    [Fact]
    public async Task A_genuine_event_verifies_with_the_certificate_which_is_downloaded_once()
    {
        var first = Assert.IsType<WebhookVerification.Verified>(await Gateway.VerifyAsync(Signed(Event("PAYMENT.CAPTURE.COMPLETED", Capture)), default));
        var second = Assert.IsType<WebhookVerification.Verified>(Gateway.Verify(Signed(Event("PAYMENT.CAPTURE.COMPLETED", Capture, "WH-2"))));

        var n = first.Notification;
        Assert.Equal(("WH-58D329510W468432D-8HN650336L201105X", "ref42", "42311647XV020574X", "5O190127TN364715T"), (n.ProviderEventId, n.Reference, n.ProviderTransactionId, n.ProviderReference));
        Assert.Equal((NotificationOutcome.Captured, 6.00m, "USD"), (n.Outcome, n.ProviderAmount, n.ProviderCurrency));
        Assert.Equal("WH-2", second.Notification.ProviderEventId);
        Assert.Equal([new Uri(CertUrl)], certificates.Calls);
    }

    [Fact]
    public async Task A_tampered_body_another_webhook_id_or_an_unknown_algorithm_is_refused()
    {
        var body = Event("PAYMENT.CAPTURE.COMPLETED", Capture);
        async Task<string> Reason(WebhookRequest r) => Assert.IsType<WebhookVerification.Refused>(await Gateway.VerifyAsync(r, default)).Reason;

        Assert.Equal("INVALID_SIGNATURE", await Reason(Signed(body, tamperedBody: body.Replace("6.00", "600.00", StringComparison.Ordinal))));
        Assert.Equal("INVALID_SIGNATURE", await Reason(Signed(body, webhookId: "WH-SOMEONE-ELSE")));
        Assert.Equal("UNSUPPORTED_ALGORITHM", await Reason(Signed(body, algorithm: "SHA1withRSA")));
        var missing = Signed(body);
        Assert.Equal("MALFORMED", await Reason(missing with { Headers = missing.Headers.Where(h => h.Key != "Paypal-Transmission-Sig").ToDictionary() }));
        Assert.Equal("CERT_EXPIRED", await Reason(Signed(body, certUrl: ExpiredCertUrl)));
    }

    [Theory]
    [InlineData("https://evil.example.com/v1/notifications/certs/CERT-1")]
    [InlineData("https://api.paypal.com.evil.example.com/certs/CERT-1")]
    [InlineData("http://api.paypal.com/v1/notifications/certs/CERT-1")]
    [InlineData("https://api.paypal.com:8443/v1/notifications/certs/CERT-1")]
    [InlineData("not a url")]
    public async Task A_certificate_from_a_host_that_is_not_allow_listed_is_refused_without_downloading_it(string certUrl)
    {
        var refused = Assert.IsType<WebhookVerification.Refused>(await Gateway.VerifyAsync(Signed(Event("PAYMENT.CAPTURE.COMPLETED", Capture), certUrl), default));

        Assert.Equal("CERT_URL_NOT_ALLOWED", refused.Reason);
        Assert.Empty(certificates.Calls);
    }

    [Fact]
    public async Task In_sandbox_mode_only_the_sandbox_certificate_url_is_allowed()
    {
        using var sandbox = Gateways.Build(providers: certificates);

        var refused = Assert.IsType<WebhookVerification.Refused>(await sandbox.Get(GatewayKind.PayPal).VerifyAsync(Signed(Event("PAYMENT.CAPTURE.COMPLETED", Capture)), default));

        Assert.Equal("CERT_URL_NOT_ALLOWED", refused.Reason);
    }

    [Fact]
    public async Task Each_event_type_maps_to_its_outcome()
    {
        async Task<GatewayNotification> N(string type, object resource) =>
            Assert.IsType<WebhookVerification.Verified>(await Gateway.VerifyAsync(Signed(Event(type, resource)), default)).Notification;

        var approved = await N("CHECKOUT.ORDER.APPROVED", new
        {
            id = "5O190127TN364715T", status = "APPROVED",
            purchase_units = new[] { new { reference_id = "ref42", custom_id = "ref42", amount = new { currency_code = "USD", value = "6.00" } } },
        });
        Assert.Equal(("ref42", "5O190127TN364715T", NotificationOutcome.Authorized, 6.00m), (approved.Reference, approved.ProviderReference, approved.Outcome, approved.ProviderAmount));
        Assert.Equal(NotificationOutcome.Failed, (await N("PAYMENT.CAPTURE.DENIED", new { id = "C1", status = "DECLINED", custom_id = "ref42", amount = new { currency_code = "USD", value = "6.00" } })).Outcome);
        var refunded = await N("PAYMENT.CAPTURE.REFUNDED", new { id = "R1", status = "COMPLETED", custom_id = "rf7", amount = new { currency_code = "USD", value = "2.00" } });
        Assert.Equal(("rf7", "R1", NotificationOutcome.Refunded, 2.00m), (refunded.Reference, refunded.ProviderTransactionId, refunded.Outcome, refunded.ProviderAmount));
        object Dispute(string status, string? outcome) => new
        {
            dispute_id = "PP-D-1", status, reason = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
            disputed_transactions = new[] { new { seller_transaction_id = "42311647XV020574X", custom = "ref42", invoice_number = "ref42" } },
            dispute_amount = new { currency_code = "USD", value = "6.00" }, dispute_outcome = outcome is null ? null : new { outcome_code = outcome },
        };
        var opened = await N("CUSTOMER.DISPUTE.CREATED", Dispute("OPEN", null));
        Assert.Equal(("ref42", NotificationOutcome.ChargebackOpened, 6.00m, "42311647XV020574X"), (opened.Reference, opened.Outcome, opened.ProviderAmount, opened.ProviderReference));
        Assert.Equal(NotificationOutcome.ChargebackLost, (await N("CUSTOMER.DISPUTE.RESOLVED", Dispute("RESOLVED", "RESOLVED_BUYER_FAVOUR"))).Outcome);
        Assert.Equal(NotificationOutcome.ChargebackWon, (await N("CUSTOMER.DISPUTE.RESOLVED", Dispute("RESOLVED", "RESOLVED_SELLER_FAVOUR"))).Outcome);
    }

    [Fact]
    public async Task Sandbox_round_trip_approves_captures_refunds_and_signs_every_event()
    {
        await using var host = await SandboxHost.StartAsync();
        var gateway = host.Gateway(GatewayKind.PayPal);
        var charge = Charges.Request(GatewayKind.PayPal, 150_000m);

        var session = await gateway.CreateChargeAsync(charge, default);

        Assert.Equal((6.00m, "USD"), (session.ProviderAmount, session.ProviderCurrency)); // 150,000 VND at 25,000 VND per USD
        Assert.StartsWith($"http://localhost:8006/sandbox/paypal/checkoutnow?token={session.ProviderReference}", session.RedirectUrl, StringComparison.Ordinal);
        var approved = await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=success");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.StartsWith($"{Charges.ReturnUrl}?token={session.ProviderReference}&PayerID=", approved.Headers.Location!.ToString(), StringComparison.Ordinal);
        var authorized = (await host.WebhookAsync(GatewayKind.PayPal)).Notification;
        Assert.Equal((charge.Reference, NotificationOutcome.Authorized, 6.00m), (authorized.Reference, authorized.Outcome, authorized.ProviderAmount));

        var capture = await gateway.CaptureAsync(new CaptureRequest(charge.Reference, session.ProviderReference, 6.00m, "USD"), default);
        Assert.Equal((GatewayCallStatus.Succeeded, 6.00m, "USD"), (capture.Status, capture.ProviderAmount, capture.ProviderCurrency));
        var captured = (await host.WebhookAsync(GatewayKind.PayPal, r => r.Notification.Outcome == NotificationOutcome.Captured)).Notification;
        Assert.Equal((charge.Reference, capture.ProviderTransactionId, session.ProviderReference), (captured.Reference, captured.ProviderTransactionId, captured.ProviderReference));
        var recapture = await gateway.CaptureAsync(new CaptureRequest(charge.Reference, session.ProviderReference, 6.00m, "USD"), default);
        Assert.Equal(capture.ProviderTransactionId, recapture.ProviderTransactionId); // PayPal-Request-Id replays the first capture

        var refundRequest = Charges.Refund(charge, session, capture.ProviderTransactionId, 50_000m);
        var refund = await gateway.RefundAsync(refundRequest, default);
        Assert.Equal((GatewayCallStatus.Succeeded, 2.00m, "USD"), (refund.Status, refund.ProviderAmount, refund.ProviderCurrency));
        var refunded = (await host.WebhookAsync(GatewayKind.PayPal, r => r.Notification.Outcome == NotificationOutcome.Refunded)).Notification;
        Assert.Equal((refundRequest.RefundReference, refund.ProviderTransactionId, 2.00m), (refunded.Reference, refunded.ProviderTransactionId, refunded.ProviderAmount));
        var tooMuch = await gateway.RefundAsync(Charges.Refund(charge, session, capture.ProviderTransactionId, 125_000m), default);
        Assert.Equal((GatewayCallStatus.Failed, "REFUND_AMOUNT_EXCEEDED"), (tooMuch.Status, tooMuch.ProviderCode));

        await host.Browser.PostAsync($"/sandbox/paypal/disputes?capture_id={capture.ProviderTransactionId}&outcome=lost", null);
        var lost = (await host.WebhookAsync(GatewayKind.PayPal, r => r.Notification.Outcome == NotificationOutcome.ChargebackLost)).Notification;
        Assert.Equal(charge.Reference, lost.Reference);
    }

    [Fact]
    public async Task Sandbox_failure_approves_then_the_capture_is_declined()
    {
        await using var host = await SandboxHost.StartAsync();
        var gateway = host.Gateway(GatewayKind.PayPal);
        var charge = Charges.Request(GatewayKind.PayPal);
        var session = await gateway.CreateChargeAsync(charge, default);

        await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=failure");
        Assert.Equal(NotificationOutcome.Authorized, (await host.WebhookAsync(GatewayKind.PayPal)).Notification.Outcome);
        var capture = await gateway.CaptureAsync(new CaptureRequest(charge.Reference, session.ProviderReference, session.ProviderAmount, "USD"), default);

        Assert.Equal((GatewayCallStatus.Failed, "DECLINED"), (capture.Status, capture.ProviderCode));
        var denied = (await host.WebhookAsync(GatewayKind.PayPal, r => r.Notification.Outcome == NotificationOutcome.Failed)).Notification;
        Assert.Equal(charge.Reference, denied.Reference);
    }

    [Fact]
    public async Task Sandbox_cancel_returns_the_browser_and_like_PayPal_sends_no_webhook()
    {
        await using var host = await SandboxHost.StartAsync();
        var session = await host.Gateway(GatewayKind.PayPal).CreateChargeAsync(Charges.Request(GatewayKind.PayPal), default);

        var cancelled = await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=cancel");

        Assert.Equal($"{Charges.ReturnUrl}?token={session.ProviderReference}", cancelled.Headers.Location!.ToString());
        await Task.Delay(200);
        Assert.Empty(host.Received);
    }

    [Fact]
    public async Task The_sandbox_refuses_wrong_client_credentials_and_a_missing_token()
    {
        await using var host = await SandboxHost.StartAsync();
        using var token = new HttpRequestMessage(HttpMethod.Post, "/sandbox/paypal/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        token.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("someone:else")));

        var refused = await host.Browser.SendAsync(token);
        var anonymous = await host.Browser.PostAsync("/sandbox/paypal/v2/checkout/orders", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

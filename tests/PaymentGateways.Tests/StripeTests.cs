using System.Net;
using System.Text.Json;
using GoShop.PaymentGateways.Sandbox;
using GoShop.PaymentGateways.Stripe;
using GoShop.PaymentGateways.Tests.Support;

namespace GoShop.PaymentGateways.Tests;

public class StripeTests
{
    private const string Secret = SandboxCredentials.StripeWebhookSecret;
    private static readonly long Now = SandboxHost.Start.ToUnixTimeSeconds();

    private static string Event(string type, object data, string id = "evt_1") =>
        JsonSerializer.Serialize(new { id, @object = "event", type, created = Now, data = new { @object = data } });

    private static object Intent(string status = "succeeded", object? error = null) => new
    {
        id = "pi_123", @object = "payment_intent", amount = 150000, amount_received = status == "succeeded" ? 150000 : 0, currency = "vnd", status,
        latest_charge = "ch_9", metadata = new Dictionary<string, string> { [StripeGateway.ReferenceKey] = "ref42" }, last_payment_error = error,
    };

    private static WebhookRequest Signed(string body, long? timestamp = null, string? header = null, DateTimeOffset? at = null)
    {
        var t = timestamp ?? Now;
        return Independent.Post(body, new Dictionary<string, string>
        {
            ["stripe-signature"] = header ?? $"t={t},v1={Independent.HmacSha256(Secret, $"{t}.{body}")}",
        }, at);
    }

    [Fact]
    public void The_signature_header_is_t_and_v1_over_timestamp_dot_payload()
    {
        Assert.Equal($"t=1700000000,v1={Independent.HmacSha256("whsec_x", "1700000000.{\"a\":1}")}", StripeSignature.HeaderValue("whsec_x", 1700000000, "{\"a\":1}"));
    }

    [Fact]
    public void A_genuine_succeeded_event_verifies_with_VND_as_zero_decimal_and_our_reference_from_metadata()
    {
        using var services = Gateways.Build();

        var verified = Assert.IsType<WebhookVerification.Verified>(services.Get(GatewayKind.Stripe).Verify(Signed(Event("payment_intent.succeeded", Intent()))));

        var n = verified.Notification;
        Assert.Equal(("evt_1", "ref42", "ch_9", "pi_123"), (n.ProviderEventId, n.Reference, n.ProviderTransactionId, n.ProviderReference));
        Assert.Equal((NotificationOutcome.Captured, 150_000m, "VND"), (n.Outcome, n.ProviderAmount, n.ProviderCurrency));
    }

    [Fact]
    public void Any_of_several_v1_signatures_may_match()
    {
        using var services = Gateways.Build();
        var body = Event("payment_intent.succeeded", Intent());
        var good = Independent.HmacSha256(Secret, $"{Now}.{body}");
        var old = Independent.HmacSha256("whsec_rolled_away", $"{Now}.{body}");

        var verification = services.Get(GatewayKind.Stripe).Verify(Signed(body, header: $"t={Now},v1={old},v1={good},v0=deadbeef"));

        Assert.IsType<WebhookVerification.Verified>(verification);
    }

    [Fact]
    public void Tampered_stale_future_and_malformed_signatures_are_refused()
    {
        using var services = Gateways.Build();
        var gateway = services.Get(GatewayKind.Stripe);
        var body = Event("payment_intent.succeeded", Intent());
        string Reason(WebhookRequest r) => Assert.IsType<WebhookVerification.Refused>(gateway.Verify(r)).Reason;

        var tampered = Signed(body) with { Body = System.Text.Encoding.UTF8.GetBytes(body.Replace("150000", "1500", StringComparison.Ordinal)) };
        Assert.Equal("INVALID_SIGNATURE", Reason(tampered));
        Assert.Equal("STALE", Reason(Signed(body, Now - 301)));
        Assert.Equal("STALE", Reason(Signed(body, Now + 301)));
        Assert.IsType<WebhookVerification.Verified>(gateway.Verify(Signed(body, Now - 299)));
        Assert.Equal("MALFORMED", Reason(Independent.Post(body)));
        Assert.Equal("MALFORMED", Reason(Signed(body, header: "v1=abc")));
        Assert.Equal("INVALID_SIGNATURE", Reason(Signed(body, header: $"t={Now},v1=zz")));
        Assert.Equal("MALFORMED", Reason(Signed("[1,2]")));
    }

    [Fact]
    public void Each_event_type_maps_to_its_outcome()
    {
        using var services = Gateways.Build();
        var gateway = services.Get(GatewayKind.Stripe);
        GatewayNotification N(string type, object data) =>
            Assert.IsType<WebhookVerification.Verified>(gateway.Verify(Signed(Event(type, data)))).Notification;

        var failed = N("payment_intent.payment_failed", Intent("requires_payment_method", new { code = "card_declined", decline_code = "insufficient_funds", message = "No money." }));
        Assert.Equal((NotificationOutcome.Failed, "insufficient_funds", "No money.", 150_000m), (failed.Outcome, failed.ProviderCode, failed.Message, failed.ProviderAmount));
        Assert.Equal(NotificationOutcome.Cancelled, N("payment_intent.canceled", Intent("canceled")).Outcome);

        var refundMeta = new Dictionary<string, string> { [StripeGateway.ReferenceKey] = "ref42", [StripeGateway.RefundReferenceKey] = "rf7" };
        var refunded = N("charge.refunded", new
        {
            id = "ch_9", @object = "charge", amount = 150000, amount_refunded = 50000, currency = "vnd", payment_intent = "pi_123",
            refunds = new { data = new[] { new { id = "re_1", amount = 50000, currency = "vnd", status = "succeeded", payment_intent = "pi_123", metadata = refundMeta } } },
        });
        Assert.Equal(("rf7", "re_1", NotificationOutcome.Refunded, 50_000m, "pi_123"), (refunded.Reference, refunded.ProviderTransactionId, refunded.Outcome, refunded.ProviderAmount, refunded.ProviderReference));

        Assert.Equal(NotificationOutcome.Ignored, N("customer.created", new { id = "cus_1" }).Outcome);
    }

    [Fact]
    public async Task A_dispute_gets_our_reference_from_the_disputed_PaymentIntent_and_is_refused_when_that_cannot_be_read()
    {
        using var stripe = new StubHandler(message => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(Intent()), System.Text.Encoding.UTF8, "application/json"),
        });
        using var down = new StubHandler(_ => throw new HttpRequestException("connection refused"));
        using var services = Gateways.Build(providers: stripe);
        using var downServices = Gateways.Build(providers: down);
        object Dispute(string status) => new { id = "dp_1", @object = "dispute", amount = 150000, currency = "vnd", payment_intent = "pi_123", status, reason = "fraudulent" };
        async Task<GatewayNotification> N(string type, object data) =>
            Assert.IsType<WebhookVerification.Verified>(await services.Get(GatewayKind.Stripe).VerifyAsync(Signed(Event(type, data)), default)).Notification;

        var opened = await N("charge.dispute.created", Dispute("needs_response"));
        var refused = await downServices.Get(GatewayKind.Stripe).VerifyAsync(Signed(Event("charge.dispute.created", Dispute("needs_response"))), default);

        Assert.Equal((NotificationOutcome.ChargebackOpened, "pi_123", "ref42", "dp_1"), (opened.Outcome, opened.ProviderReference, opened.Reference, opened.ProviderTransactionId));
        Assert.Equal("/sandbox/stripe/v1/payment_intents/pi_123", stripe.Calls.Single().AbsolutePath);
        Assert.Equal(NotificationOutcome.ChargebackLost, (await N("charge.dispute.closed", Dispute("lost"))).Outcome);
        Assert.Equal(NotificationOutcome.ChargebackWon, (await N("charge.dispute.closed", Dispute("won"))).Outcome);
        Assert.Equal("LOOKUP_FAILED", Assert.IsType<WebhookVerification.Refused>(refused).Reason);
    }

    [Theory]
    [InlineData(WebhookHandling.Recorded, 200)]
    [InlineData(WebhookHandling.AlreadyRecorded, 200)]
    [InlineData(WebhookHandling.UnknownPayment, 200)]
    [InlineData(WebhookHandling.AmountMismatch, 400)]
    [InlineData(WebhookHandling.Refused, 400)]
    [InlineData(WebhookHandling.Failed, 500)]
    public void The_reply_is_2xx_only_when_retrying_would_not_help(WebhookHandling handling, int status)
    {
        using var services = Gateways.Build();

        Assert.Equal(status, services.Get(GatewayKind.Stripe).Reply(handling).StatusCode);
    }

    [Fact]
    public async Task Sandbox_round_trip_through_Stripe_net_confirms_sends_a_signed_event_and_refunds()
    {
        await using var host = await SandboxHost.StartAsync();
        var gateway = host.Gateway(GatewayKind.Stripe);
        var charge = Charges.Request(GatewayKind.Stripe, 150_000m);

        var session = await gateway.CreateChargeAsync(charge, default);
        var retried = await gateway.CreateChargeAsync(charge, default);

        Assert.StartsWith("pi_", session.ProviderReference, StringComparison.Ordinal);
        Assert.Equal(session.ProviderReference, retried.ProviderReference); // the idempotency key made the retry the same PaymentIntent
        Assert.StartsWith(session.ProviderReference + "_secret_", session.ClientSecret, StringComparison.Ordinal);
        Assert.Equal((150_000m, "VND"), (session.ProviderAmount, session.ProviderCurrency));
        var pending = await gateway.CaptureAsync(new CaptureRequest(charge.Reference, session.ProviderReference, 150_000m, "VND"), default);
        Assert.Equal(GatewayCallStatus.Pending, pending.Status);

        var paid = await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=success");

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Contains("redirect_status=succeeded", paid.Headers.Location!.ToString(), StringComparison.Ordinal);
        var n = (await host.WebhookAsync(GatewayKind.Stripe)).Notification;
        Assert.Equal((charge.Reference, NotificationOutcome.Captured, 150_000m, session.ProviderReference), (n.Reference, n.Outcome, n.ProviderAmount, n.ProviderReference));
        Assert.Equal(GatewayCallStatus.Succeeded, (await gateway.CaptureAsync(new CaptureRequest(charge.Reference, session.ProviderReference, 150_000m, "VND"), default)).Status);

        var refundRequest = Charges.Refund(charge, session, n.ProviderTransactionId, 40_000m);
        var refund = await gateway.RefundAsync(refundRequest, default);
        var sameRefund = await gateway.RefundAsync(refundRequest, default);
        Assert.Equal((GatewayCallStatus.Succeeded, 40_000m), (refund.Status, refund.ProviderAmount));
        Assert.Equal(refund.ProviderTransactionId, sameRefund.ProviderTransactionId);
        var refunded = (await host.WebhookAsync(GatewayKind.Stripe, r => r.Notification.Outcome == NotificationOutcome.Refunded)).Notification;
        Assert.Equal((refundRequest.RefundReference, refund.ProviderTransactionId, 40_000m), (refunded.Reference, refunded.ProviderTransactionId, refunded.ProviderAmount));
        var tooMuch = await gateway.RefundAsync(Charges.Refund(charge, session, null, 120_000m), default);
        Assert.Equal((GatewayCallStatus.Failed, "amount_too_large"), (tooMuch.Status, tooMuch.ProviderCode));

        var dispute = await host.Browser.PostAsync($"/sandbox/stripe/disputes?payment_intent={session.ProviderReference}&status=needs_response", null);
        Assert.Equal(HttpStatusCode.OK, dispute.StatusCode);
        var opened = (await host.WebhookAsync(GatewayKind.Stripe, r => r.Notification.Outcome == NotificationOutcome.ChargebackOpened)).Notification;
        Assert.Equal((charge.Reference, session.ProviderReference, 150_000m), (opened.Reference, opened.ProviderReference, opened.ProviderAmount));
    }

    [Theory]
    [InlineData("failure", NotificationOutcome.Failed)]
    [InlineData("cancel", NotificationOutcome.Cancelled)]
    public async Task Sandbox_failure_and_cancel_send_their_events(string outcome, NotificationOutcome expected)
    {
        await using var host = await SandboxHost.StartAsync();
        var session = await host.Gateway(GatewayKind.Stripe).CreateChargeAsync(Charges.Request(GatewayKind.Stripe), default);

        await host.Browser.GetAsync(Charges.PathAndQuery(session.RedirectUrl!) + "&outcome=" + outcome);

        Assert.Equal(expected, (await host.WebhookAsync(GatewayKind.Stripe)).Notification.Outcome);
    }

    [Fact]
    public async Task The_sandbox_refuses_a_missing_or_wrong_secret_key()
    {
        await using var host = await SandboxHost.StartAsync();

        var missing = await host.Browser.PostAsync("/sandbox/stripe/v1/payment_intents", new FormUrlEncodedContent([new("amount", "1000"), new("currency", "vnd")]));
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/sandbox/stripe/v1/payment_intents")
        {
            Content = new FormUrlEncodedContent([new("amount", "1000"), new("currency", "vnd")]),
        };
        wrong.Headers.Authorization = new("Bearer", "sk_test_someone_else");
        var wrongAnswer = await host.Browser.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Contains("Invalid API Key", await wrongAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_or_an_outage_of_the_API_becomes_a_PaymentGatewayException_with_a_stable_code()
    {
        using var rejecting = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("""{"error":{"type":"invalid_request_error","code":"api_key_invalid","message":"Invalid API Key provided."}}""",
                System.Text.Encoding.UTF8, "application/json"),
        });
        using var down = new StubHandler(_ => throw new HttpRequestException("connection refused"));
        using var rejectingServices = Gateways.Build(providers: rejecting);
        using var downServices = Gateways.Build(providers: down);

        var rejected = await Assert.ThrowsAsync<PaymentGatewayException>(() => rejectingServices.Get(GatewayKind.Stripe).CreateChargeAsync(Charges.Request(GatewayKind.Stripe), default));
        var unavailable = await Assert.ThrowsAsync<PaymentGatewayException>(() => downServices.Get(GatewayKind.Stripe).CreateChargeAsync(Charges.Request(GatewayKind.Stripe), default));

        Assert.Equal(("PROVIDER_REJECTED", "api_key_invalid"), (rejected.Code, rejected.ProviderCode));
        Assert.Equal("GATEWAY_UNAVAILABLE", unavailable.Code);
    }
}

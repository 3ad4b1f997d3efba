using System.Net;
using System.Text;
using GoShop.Contracts.Payments;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>
/// The providers' webhooks, called by the gateways' sandboxes with genuinely signed payloads: verified before anything,
/// recorded once per provider event, checked against the amount the provider was asked for, and answered in the
/// provider's own terms. A refused webhook changes nothing.
/// </summary>
public sealed class WebhookTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task A_successful_vnpay_payment_is_captured_held_in_escrow_and_announced()
    {
        var started = await app.StartPaymentAsync(total: 150_000m);
        Assert.StartsWith("http://localhost/sandbox/vnpay/", started.RedirectUrl);

        var page = await app.PayInSandboxAsync(started.RedirectUrl!);

        page.EnsureSuccessOrRedirect();
        var payment = await app.PaymentAsync(started.PaymentId);
        Assert.Equal((PaymentStatus.Captured, 150_000m), (payment.Status, payment.Captured));
        var escrow = await app.EscrowAsync(started.Order.OrderId);
        Assert.Equal((EscrowStatus.Held, 150_000m, started.Order.ShopId), (escrow!.Status, escrow.Amount, escrow.ShopId));
        var succeeded = (await app.EventsAsync(typeof(PaymentSucceeded))).Single(e => e.GetProperty("paymentId").GetGuid() == started.PaymentId);
        Assert.Equal([started.Order.OrderId], succeeded.GetProperty("orderIds").EnumerateArray().Select(o => o.GetGuid()));
        Assert.Equal(("CARD", "VNPAY"), (succeeded.Text("method"), succeeded.Text("gateway")));
        var ipn = app.Callbacks.Last(c => c.Url.AbsolutePath == "/webhooks/vnpay");
        Assert.Equal(HttpMethod.Get, ipn.Method);
    }

    [Fact]
    public async Task A_failed_or_cancelled_payment_is_announced_so_ordering_cancels_the_order()
    {
        var failed = await app.StartPaymentAsync();
        var cancelled = await app.StartPaymentAsync("MOMO", "E_WALLET");

        (await app.PayInSandboxAsync(failed.RedirectUrl!, "failure")).EnsureSuccessOrRedirect();
        (await app.PayInSandboxAsync(cancelled.RedirectUrl!, "cancel")).EnsureSuccessOrRedirect();

        Assert.Equal(PaymentStatus.Failed, (await app.PaymentAsync(failed.PaymentId)).Status);
        Assert.Equal(PaymentStatus.Cancelled, (await Eventually.ReturnsAsync(() => app.PaymentAsync(cancelled.PaymentId), p => p.Status != PaymentStatus.Pending)).Status);
        Assert.Null(await app.EscrowAsync(failed.Order.OrderId));
        var events = await app.EventsAsync(typeof(PaymentFailed));
        Assert.Contains(events, e => e.GetProperty("paymentId").GetGuid() == failed.PaymentId && e.GetProperty("orderIds")[0].GetGuid() == failed.Order.OrderId);
        Assert.Contains(events, e => e.GetProperty("paymentId").GetGuid() == cancelled.PaymentId);
        // Named as a success would be, so success rates per gateway and method count the failure under its own.
        var declined = events.Single(e => e.GetProperty("paymentId").GetGuid() == failed.PaymentId);
        Assert.Equal(("CARD", "VNPAY"), (declined.Text("method"), declined.Text("gateway")));
        var gaveUp = events.Single(e => e.GetProperty("paymentId").GetGuid() == cancelled.PaymentId);
        Assert.Equal(("E_WALLET", "MOMO"), (gaveUp.Text("method"), gaveUp.Text("gateway")));
    }

    [Fact]
    public async Task A_replayed_webhook_is_acknowledged_and_changes_nothing()
    {
        var started = await app.PaidAsync();
        var ipn = app.Callbacks.Last(c => c.Url.AbsolutePath == "/webhooks/vnpay" && c.Url.Query.Contains(started.PaymentId.ToString("N")));
        var outboxBefore = await app.InDatabaseAsync(db => db.OutboxMessages.CountAsync());

        using var replay = await app.Factory.CreateClient().SendAsync(ipn.ToRequest());

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("\"RspCode\":\"02\"", await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.TransactionCountAsync(started.PaymentId));
        Assert.Equal(outboxBefore, await app.InDatabaseAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Ten_concurrent_copies_of_one_webhook_record_one_transaction()
    {
        var started = await app.StartPaymentAsync("STRIPE");
        var webhook = await LostCallbackAsync(started, "success", "/webhooks/stripe");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await app.Factory.CreateClient().SendAsync(webhook.ToRequest());
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, await app.TransactionCountAsync(started.PaymentId));
        Assert.Equal(PaymentStatus.Captured, (await app.PaymentAsync(started.PaymentId)).Status);
        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(started.Order.OrderId))!.Status);
        Assert.Single(await app.EventsAsync(typeof(PaymentSucceeded)), e => e.GetProperty("paymentId").GetGuid() == started.PaymentId);
    }

    [Fact]
    public async Task A_tampered_webhook_is_refused_and_changes_nothing_while_the_genuine_one_is_recorded()
    {
        var started = await app.StartPaymentAsync();
        var ipn = await LostCallbackAsync(started, "failure", "/webhooks/vnpay");
        var tampered = new Uri(ipn.Url.ToString().Replace("vnp_ResponseCode=51", "vnp_ResponseCode=00").Replace("vnp_TransactionStatus=02", "vnp_TransactionStatus=00"));
        Assert.NotEqual(ipn.Url, tampered);

        using var refused = await app.Factory.CreateClient().SendAsync(ipn.ToRequest(tampered));

        Assert.Contains("\"RspCode\":\"97\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(PaymentStatus.Pending, (await app.PaymentAsync(started.PaymentId)).Status);
        Assert.Equal(0, await app.TransactionCountAsync(started.PaymentId));
        using var genuine = await app.Factory.CreateClient().SendAsync(ipn.ToRequest());
        Assert.Contains("\"RspCode\":\"00\"", await genuine.Content.ReadAsStringAsync());
        Assert.Equal(PaymentStatus.Failed, (await app.PaymentAsync(started.PaymentId)).Status);
    }

    [Fact]
    public async Task A_webhook_for_another_amount_than_the_provider_was_asked_for_is_refused_and_changes_nothing()
    {
        var started = await app.StartPaymentAsync(total: 200_000m);
        // Our record says the provider was asked for 1 đồng more than the (genuinely signed) IPN will carry.
        await app.InDatabaseAsync(db => db.Database.ExecuteSqlAsync($"UPDATE payments SET provider_amount = 200001 WHERE id = {started.PaymentId}"));

        (await app.PayInSandboxAsync(started.RedirectUrl!)).EnsureSuccessOrRedirect();

        var ipn = app.Callbacks.Last(c => c.Url.Query.Contains(started.PaymentId.ToString("N")));
        using var again = await app.Factory.CreateClient().SendAsync(ipn.ToRequest());
        Assert.Contains("\"RspCode\":\"04\"", await again.Content.ReadAsStringAsync());
        Assert.Equal(PaymentStatus.Pending, (await app.PaymentAsync(started.PaymentId)).Status);
        Assert.Null(await app.EscrowAsync(started.Order.OrderId));
        Assert.False(await app.InDatabaseAsync(db => db.WebhookEvents.AnyAsync(e => e.Reference == started.PaymentId.ToString("N"))));
    }

    [Fact]
    public async Task A_stale_stripe_webhook_is_refused()
    {
        var started = await app.StartPaymentAsync("STRIPE");
        var webhook = await LostCallbackAsync(started, "success", "/webhooks/stripe");
        app.Clock.Advance(TimeSpan.FromMinutes(6));

        using var response = await app.Factory.CreateClient().SendAsync(webhook.ToRequest());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PaymentStatus.Pending, (await app.PaymentAsync(started.PaymentId)).Status);
        Assert.Equal(0, await app.TransactionCountAsync(started.PaymentId));
    }

    [Fact]
    public async Task A_webhook_with_garbage_is_refused()
    {
        using var response = await app.Factory.CreateClient().PostAsync("/webhooks/momo", new StringContent("{\"not\":\"momo\"}", Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"answered {(int)response.StatusCode}");
    }

    /// <summary>Pays in the sandbox with its callback lost on the way (recorded, never delivered): the test sends it itself.</summary>
    private async Task<RecordedCallback> LostCallbackAsync(StartedPayment started, string outcome, string webhook)
    {
        var payment = await app.PaymentAsync(started.PaymentId);
        var reference = webhook == "/webhooks/stripe" ? payment.ProviderReference! : started.PaymentId.ToString("N");
        app.DeliverCallbacks = false;
        try
        {
            (await app.PayInSandboxAsync(started.RedirectUrl!, outcome)).EnsureSuccessOrRedirect();
            return (await Eventually.ReturnsAsync(() => Task.FromResult(app.Callbacks.LastOrDefault(c => c.Url.AbsolutePath == webhook
                && (c.Url.Query.Contains(reference) || Encoding.UTF8.GetString(c.Body).Contains(reference)))), c => c is not null))!;
        }
        finally
        {
            app.DeliverCallbacks = true;
        }
    }
}

using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts;
using GoShop.Contracts.Ordering;
using GoShop.Payments.Domain;
using GoShop.Payments.Escrows;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests.Support;

/// <summary>A payment started through the API for an order ordering placed.</summary>
public sealed record StartedPayment(Guid PaymentId, OrderSnapshot Order, Person Buyer, string? RedirectUrl);

/// <summary>Arranging orders (through ordering's fake), paying through the sandbox, and reading what payments holds.</summary>
public static class PaymentsAppExtensions
{
    public static Task<JsonElement> StartAsync(this Person buyer, object input) =>
        buyer.Client.MutateAsync(Operations.StartPayment, new { input });

    /// <summary>An order placed by a new buyer, and its payment started through <paramref name="gateway"/>.</summary>
    public static async Task<StartedPayment> StartPaymentAsync(this PaymentsApp app, string gateway = "VNPAY", string method = "CARD", decimal total = 120_000m)
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, method, total);
        var payload = (await buyer.StartAsync(new { orderId = order.OrderId, method, gateway, idempotencyKey = "pay-" + order.OrderId })).Succeeded();
        return new StartedPayment(payload.GetProperty("payment").Id(), order, buyer, payload.GetProperty("redirectUrl").GetString());
    }

    /// <summary>An order of a new seller, paid by a new buyer through <paramref name="gateway"/> and captured.</summary>
    public static async Task<(StartedPayment Paid, Person Seller)> PaidWithSellerAsync(this PaymentsApp app, string gateway, string method, decimal total)
    {
        var seller = app.SignIn(Roles.Buyer, Roles.Seller);
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, method, total, sellerId: seller.Id);
        var payload = (await buyer.StartAsync(new { orderId = order.OrderId, method, gateway })).Succeeded();
        var started = new StartedPayment(payload.GetProperty("payment").Id(), order, buyer, payload.GetProperty("redirectUrl").GetString());
        if (started.RedirectUrl is { } url)
            (await app.PayInSandboxAsync(url)).EnsureSuccessOrRedirect();
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(started.PaymentId)).Status == PaymentStatus.Captured, $"the {gateway} payment to be captured");
        return (started, seller);
    }

    public static Task<JsonElement> RefundAsync(this Person person, Guid paymentId, decimal? amount, string key) =>
        person.Client.MutateAsync(Operations.RefundPayment, new { input = new { paymentId, amount, reason = "Khách đổi ý", idempotencyKey = key } });

    /// <summary>Ordering delivered the order: payments hears OrderDelivered (the escrow's release clock starts).</summary>
    public static async Task DeliverAsync(this PaymentsApp app, StartedPayment paid)
    {
        var delivered = app.Orders.Move(paid.Order.OrderId, "DELIVERED");
        await app.PublishAndWaitAsync(new OrderDelivered(delivered, new OrderActor("SHIPPER", Guid.NewGuid(), null), app.Clock.GetUtcNow()));
    }

    public static Task<JsonElement> OpenDisputeAsync(this Person person, Guid orderId, string reason) =>
        person.Client.MutateAsync(Operations.OpenDispute, new { input = new { orderId, reason } });

    /// <summary>The buyer opens the provider's page with an outcome: the sandbox sends its signed callback to our webhook.</summary>
    public static async Task<HttpResponseMessage> PayInSandboxAsync(this PaymentsApp app, string redirectUrl, string outcome = "success")
    {
        var browser = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await browser.GetAsync(redirectUrl + "&outcome=" + outcome);
    }

    /// <summary>A started VNPay payment, paid in the sandbox: captured, its order's money held.</summary>
    public static async Task<StartedPayment> PaidAsync(this PaymentsApp app, decimal total = 120_000m)
    {
        var started = await app.StartPaymentAsync(total: total);
        (await app.PayInSandboxAsync(started.RedirectUrl!)).EnsureSuccessOrRedirect();
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(started.PaymentId)).Status == PaymentStatus.Captured, "the payment to be captured");
        return started;
    }

    public static void EnsureSuccessOrRedirect(this HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 400)
            throw new InvalidOperationException($"The sandbox answered {(int)response.StatusCode}.");
    }

    public static Task<Payment> PaymentAsync(this PaymentsApp app, Guid paymentId) =>
        app.InDatabaseAsync(db => db.WithLedger().AsNoTracking().SingleAsync(p => p.Id == paymentId));

    public static Task<Escrow?> EscrowAsync(this PaymentsApp app, Guid orderId) =>
        app.InDatabaseAsync(db => db.Escrows.AsNoTracking().SingleOrDefaultAsync(e => e.OrderId == orderId));

    public static Task<int> TransactionCountAsync(this PaymentsApp app, Guid paymentId) =>
        app.InDatabaseAsync(db => db.Transactions.CountAsync(t => t.PaymentId == paymentId));

    /// <summary>The payloads of the outbox messages of one event type, oldest first.</summary>
    public static async Task<List<JsonElement>> EventsAsync(this PaymentsApp app, Type eventType)
    {
        var payloads = await app.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.MessageType == eventType.FullName).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    }

    public static Task<(int Released, int RefundsSent)> SweepAsync(this PaymentsApp app) =>
        app.Service<PaymentsSweeper>().SweepOnceAsync(CancellationToken.None);

    /// <summary>Publishes an event and waits until payments handled it (its message id is in the inbox).</summary>
    public static async Task PublishAndWaitAsync(this PaymentsApp app, IIntegrationEvent message)
    {
        var messageId = Guid.NewGuid();
        await app.Service<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId);
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), $"payments to handle message {messageId}");
    }
}

public static class JsonElementExtensions
{
    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static Guid Id(this JsonElement element) => Guid.Parse(element.Text("id"));

    public static decimal Amount(this JsonElement money) => money.GetProperty("amount").GetDecimal();

    public static IReadOnlyList<string> Codes(this JsonElement payload) => payload.UserErrorCodes();
}

using System.Text.Json;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>startPayment prices the payment from ordering as the orders are now and opens the provider's session, once per key.</summary>
public sealed class StartPaymentTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task Starting_a_vnpay_payment_answers_the_signed_payment_url_and_a_pending_payment()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, total: 175_000m);

        var payload = (await buyer.StartAsync(new { orderId = order.OrderId, method = "CARD", gateway = "VNPAY" })).Succeeded();

        var payment = payload.GetProperty("payment");
        Assert.Equal(("PENDING", "CARD", "VNPAY", 175_000m), (payment.Text("status"), payment.Text("method"), payment.Text("gateway"), payment.GetProperty("amount").Amount()));
        Assert.Equal((175_000m, "VND"), (payment.GetProperty("providerAmount").Amount(), payment.GetProperty("providerAmount").Text("currency")));
        Assert.Equal([order.OrderId], payment.GetProperty("orders").EnumerateArray().Select(o => o.Id()));
        var url = payload.Text("redirectUrl");
        Assert.Contains("vnp_Amount=17500000", url);
        Assert.Contains("vnp_TxnRef=" + payment.Id().ToString("N"), url);
        Assert.Contains("vnp_SecureHash=", url);
        Assert.Contains("vnp_ReturnUrl=" + Uri.EscapeDataString($"http://localhost/payments/{payment.Id()}/return"), url, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_stripe_payment_answers_a_client_secret_and_a_paypal_one_is_converted_to_dollars()
    {
        var buyer = app.SignIn();
        var card = app.Orders.Place(buyer.Id, total: 100_000m);
        var wallet = app.Orders.Place(buyer.Id, "E_WALLET", 250_000m);

        var stripe = (await buyer.StartAsync(new { orderId = card.OrderId, method = "CARD", gateway = "STRIPE" })).Succeeded();
        var paypal = (await buyer.StartAsync(new { orderId = wallet.OrderId, method = "E_WALLET", gateway = "PAYPAL" })).Succeeded();

        Assert.False(string.IsNullOrEmpty(stripe.Text("clientSecret")));
        Assert.Equal((10.00m, "USD"), (paypal.GetProperty("payment").GetProperty("providerAmount").Amount(),
            paypal.GetProperty("payment").GetProperty("providerAmount").Text("currency")));
        Assert.False(string.IsNullOrEmpty(paypal.Text("redirectUrl")));
    }

    [Fact]
    public async Task A_whole_checkout_is_paid_by_one_payment()
    {
        var buyer = app.SignIn();
        var checkoutId = Guid.CreateVersion7();
        var first = app.Orders.Place(buyer.Id, "E_WALLET", 100_000m, checkoutId);
        var second = app.Orders.Place(buyer.Id, "E_WALLET", 60_000m, checkoutId);

        var payment = (await buyer.StartAsync(new { checkoutId, method = "E_WALLET", gateway = "MOMO" })).Succeeded().GetProperty("payment");

        Assert.Equal(160_000m, payment.GetProperty("amount").Amount());
        Assert.Equal(checkoutId, payment.GetProperty("checkout").Id());
        Assert.Equal(new[] { first.OrderId, second.OrderId }.Order(), payment.GetProperty("orders").EnumerateArray().Select(o => o.Id()).Order());
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_same_payment_and_another_request_with_it_is_refused()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id);
        var other = app.Orders.Place(buyer.Id);
        var input = new { orderId = order.OrderId, method = "CARD", gateway = "VNPAY", idempotencyKey = "k-1" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => buyer.StartAsync(input)));
        var reused = await buyer.StartAsync(input with { orderId = other.OrderId });

        Assert.Single(answers.Select(a => a.Succeeded().GetProperty("payment").Id()).Distinct());
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], reused.Codes());
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Payments.CountAsync(p => p.BuyerId == buyer.Id)));
    }

    [Fact]
    public async Task Cash_on_delivery_answers_the_orders_payment_awaiting_collection_without_a_gateway()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, "COD", 90_000m);

        var first = (await buyer.StartAsync(new { orderId = order.OrderId, method = "COD" })).Succeeded();
        var again = (await buyer.StartAsync(new { orderId = order.OrderId, method = "COD", idempotencyKey = "other" })).Succeeded();

        var payment = first.GetProperty("payment");
        Assert.Equal(("AWAITING_COLLECTION", JsonValueKind.Null, JsonValueKind.Null), (payment.Text("status"), payment.GetProperty("gateway").ValueKind,
            first.GetProperty("redirectUrl").ValueKind));
        Assert.Equal(payment.Id(), again.GetProperty("payment").Id());
    }

    public static TheoryData<string, object, string[]> BadInputs => new()
    {
        { "no target", new { method = "CARD", gateway = "VNPAY" }, ["EXACTLY_ONE_TARGET"] },
        { "two targets", new { orderId = Guid.NewGuid(), checkoutId = Guid.NewGuid(), method = "CARD", gateway = "VNPAY" }, ["EXACTLY_ONE_TARGET"] },
        { "no gateway", new { orderId = Guid.NewGuid(), method = "CARD" }, ["GATEWAY_REQUIRED"] },
        { "wrong gateway", new { orderId = Guid.NewGuid(), method = "BANK_TRANSFER", gateway = "MOMO" }, ["GATEWAY_METHOD_MISMATCH"] },
        { "cod with gateway", new { orderId = Guid.NewGuid(), method = "COD", gateway = "VNPAY" }, ["GATEWAY_NOT_ALLOWED"] },
        { "cod for a checkout", new { checkoutId = Guid.NewGuid(), method = "COD" }, ["ORDER_REQUIRED"] },
        { "long key", new { orderId = Guid.NewGuid(), method = "CARD", gateway = "STRIPE", idempotencyKey = new string('k', 101) }, ["TOO_LONG"] },
        { "unknown order", new { orderId = Guid.NewGuid(), method = "CARD", gateway = "STRIPE" }, ["ORDER_NOT_FOUND"] },
        { "unknown checkout", new { checkoutId = Guid.NewGuid(), method = "CARD", gateway = "STRIPE" }, ["CHECKOUT_NOT_FOUND"] },
        { "unknown saved method", new { orderId = Guid.NewGuid(), method = "CARD", gateway = "STRIPE", savedPaymentMethodId = Guid.NewGuid() }, ["ORDER_NOT_FOUND"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_and_nothing_is_written(string because, object input, string[] codes)
    {
        var buyer = app.SignIn();

        var payload = await buyer.StartAsync(input);

        Assert.True(codes.SequenceEqual(payload.Codes()), $"{because}: {string.Join(",", payload.Codes())}");
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Payments.CountAsync(p => p.BuyerId == buyer.Id)));
    }

    [Fact]
    public async Task Orders_that_are_not_the_buyers_or_not_payable_this_way_are_refused()
    {
        var buyer = app.SignIn();
        var someoneElses = app.Orders.Place(Guid.CreateVersion7());
        var codOrder = app.Orders.Place(buyer.Id, "COD");
        var alreadyPending = app.Orders.Place(buyer.Id);
        app.Orders.Move(alreadyPending.OrderId, "PENDING");
        var walletOrder = app.Orders.Place(buyer.Id, "E_WALLET");
        var cancelledCod = app.Orders.Place(buyer.Id, "COD");
        app.Orders.Move(cancelledCod.OrderId, "CANCELLED");

        Assert.Equal(["ORDER_NOT_FOUND"], (await buyer.StartAsync(new { orderId = someoneElses.OrderId, method = "CARD", gateway = "VNPAY" })).Codes());
        Assert.Equal(["PAYMENT_METHOD_MISMATCH"], (await buyer.StartAsync(new { orderId = codOrder.OrderId, method = "CARD", gateway = "VNPAY" })).Codes());
        Assert.Equal(["ORDER_NOT_AWAITING_PAYMENT"], (await buyer.StartAsync(new { orderId = alreadyPending.OrderId, method = "CARD", gateway = "VNPAY" })).Codes());
        Assert.Equal(["PAYMENT_METHOD_MISMATCH"], (await buyer.StartAsync(new { orderId = walletOrder.OrderId, method = "CARD", gateway = "VNPAY" })).Codes());
        Assert.Equal(["ORDER_NOT_AWAITING_PAYMENT"], (await buyer.StartAsync(new { orderId = cancelledCod.OrderId, method = "COD" })).Codes());
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Payments.CountAsync(p => p.BuyerId == buyer.Id)));
    }

    [Fact]
    public async Task A_paid_order_cannot_be_paid_again()
    {
        var paid = await app.PaidAsync();
        app.Orders.Move(paid.Order.OrderId, "PENDING_PAYMENT");

        var again = await paid.Buyer.StartAsync(new { orderId = paid.Order.OrderId, method = "CARD", gateway = "STRIPE" });

        Assert.Equal(["ALREADY_PAID"], again.Codes());
    }

    [Fact]
    public async Task When_ordering_does_not_answer_the_buyer_is_told_to_try_again()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id);
        app.Orders.Down = true;
        try
        {
            var payload = await buyer.StartAsync(new { orderId = order.OrderId, method = "CARD", gateway = "VNPAY" });

            Assert.Equal(["ORDERING_UNAVAILABLE"], payload.Codes());
        }
        finally
        {
            app.Orders.Down = false;
        }
    }

    [Fact]
    public async Task Paying_with_a_saved_method_of_another_gateway_is_refused()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id);
        var saved = (await buyer.Client.MutateAsync(Operations.SavePaymentMethod, new
        {
            input = new { gateway = "STRIPE", token = "pm_card_visa_saved", brand = "Visa", last4 = "4242", expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 2 },
        })).Succeeded().GetProperty("paymentMethod").Id();

        var payload = await buyer.StartAsync(new { orderId = order.OrderId, method = "CARD", gateway = "VNPAY", savedPaymentMethodId = saved });

        Assert.Equal(["PAYMENT_METHOD_NOT_FOUND"], payload.Codes());
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Payments.CountAsync(p => p.BuyerId == buyer.Id)));
    }

    [Fact]
    public async Task Starting_a_payment_needs_a_signed_in_buyer()
    {
        var response = await app.Anonymous().SendAsync(Operations.StartPayment, new { input = new { orderId = Guid.NewGuid(), method = "COD" } });

        Assert.Contains("UNAUTHENTICATED", response.ErrorCodes);
    }
}

using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;

namespace GoShop.Payments.Tests;

/// <summary>payment, myPayments, transactions and receipt, each for the people who may see them.</summary>
public sealed class QueryTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task A_buyer_lists_their_payments_newest_first_page_by_page()
    {
        var buyer = app.SignIn();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var order = app.Orders.Place(buyer.Id);
            ids.Add((await buyer.StartAsync(new { orderId = order.OrderId, method = "CARD", gateway = "VNPAY" })).Succeeded().GetProperty("payment").Id());
        }

        var first = (await buyer.Client.SendAsync(Operations.MyPayments, new { first = 2 })).EnsureNoErrors().Get("myPayments");
        var next = (await buyer.Client.SendAsync(Operations.MyPayments, new { first = 2, after = first.GetProperty("pageInfo").Text("endCursor") }))
            .EnsureNoErrors().Get("myPayments");

        var listed = first.GetProperty("edges").EnumerateArray().Concat(next.GetProperty("edges").EnumerateArray()).Select(e => e.GetProperty("node").Id());
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task The_ledger_and_receipt_of_a_payment_show_to_its_buyer_seller_and_admins_only()
    {
        var seller = app.SignIn(Roles.Buyer, Roles.Seller);
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, total: 145_000m, sellerId: seller.Id);
        var started = (await buyer.StartAsync(new { orderId = order.OrderId, method = "CARD", gateway = "VNPAY" })).Succeeded();
        var paymentId = started.GetProperty("payment").Id();
        Assert.Equal(JsonValueKind.Null, (await buyer.Client.SendAsync(Operations.Receipt, new { id = paymentId })).EnsureNoErrors().Get("receipt").ValueKind);
        (await app.PayInSandboxAsync(started.Text("redirectUrl"))).EnsureSuccessOrRedirect();

        var transactions = (await buyer.Client.SendAsync(Operations.Transactions, new { paymentId })).EnsureNoErrors().Get("transactions");
        var receipt = (await seller.Client.SendAsync(Operations.Receipt, new { id = paymentId })).EnsureNoErrors().Get("receipt");
        var strangers = await app.SignIn().Client.SendAsync(Operations.Payment, new { id = paymentId });
        var admins = await app.Admin().Client.SendAsync(Operations.Payment, new { id = paymentId });

        Assert.Equal(("CAPTURE", 145_000m, "VND"), (transactions[0].Text("kind"), transactions[0].GetProperty("amount").Amount(),
            transactions[0].GetProperty("providerAmount").Text("currency")));
        Assert.StartsWith("RC-", receipt.Text("number"));
        var receiptOrder = receipt.GetProperty("orders")[0];
        Assert.Equal((order.Number, order.Lines[0].Title, 125_000m), (receiptOrder.Text("number"), receiptOrder.GetProperty("lines")[0].Text("title"),
            receiptOrder.GetProperty("lines")[0].GetProperty("lineTotal").Amount()));
        Assert.Equal((145_000m, 20_000m, 0m), (receipt.GetProperty("fees").GetProperty("total").Amount(), receipt.GetProperty("fees").GetProperty("shippingFee").Amount(),
            receipt.GetProperty("fees").GetProperty("refunded").Amount()));
        Assert.Equal(JsonValueKind.Null, strangers.EnsureNoErrors().Get("payment").ValueKind);
        Assert.Equal(paymentId, admins.EnsureNoErrors().Get("payment").Id());
        Assert.Equal(0, (await app.SignIn().Client.SendAsync(Operations.Transactions, new { paymentId })).EnsureNoErrors().Get("transactions").GetArrayLength());
    }

    [Fact]
    public async Task Lists_of_payments_need_a_signed_in_user()
    {
        Assert.Contains("UNAUTHENTICATED", (await app.Anonymous().SendAsync(Operations.MyPayments)).ErrorCodes);
        Assert.Contains("UNAUTHENTICATED", (await app.Anonymous().SendAsync(Operations.MyPaymentMethods)).ErrorCodes);
    }
}

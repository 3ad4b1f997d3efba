using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>Saved payment methods: a provider token and what a person recognises a card by; never a card number or CVV.</summary>
public sealed class PaymentMethodTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    private static readonly int NextYear = DateTime.UtcNow.Year + 1;

    [Fact]
    public async Task The_first_saved_method_is_the_default_and_the_default_can_move()
    {
        var buyer = app.SignIn();

        var visa = (await SaveAsync(buyer, "pm_visa_1", "Visa", "4242")).Succeeded().GetProperty("paymentMethod");
        var master = (await SaveAsync(buyer, "pm_master_1", "Mastercard", "4444")).Succeeded().GetProperty("paymentMethod");
        (await buyer.Client.MutateAsync(Operations.SetDefaultPaymentMethod, new { input = new { paymentMethodId = master.Id() } })).Succeeded();

        Assert.True(visa.GetProperty("isDefault").GetBoolean());
        Assert.False(master.GetProperty("isDefault").GetBoolean());
        var mine = (await buyer.Client.SendAsync(Operations.MyPaymentMethods)).EnsureNoErrors().Get("myPaymentMethods").EnumerateArray().ToList();
        Assert.Equal([(master.Id(), true), (visa.Id(), false)], mine.Select(m => (m.Id(), m.GetProperty("isDefault").GetBoolean())));
    }

    [Fact]
    public async Task Deleting_the_default_makes_the_newest_other_one_the_default()
    {
        var buyer = app.SignIn();
        var first = (await SaveAsync(buyer, "pm_a", "Visa", "1111")).Succeeded().GetProperty("paymentMethod").Id();
        var second = (await SaveAsync(buyer, "pm_b", "Visa", "2222")).Succeeded().GetProperty("paymentMethod").Id();

        var deleted = (await buyer.Client.MutateAsync(Operations.DeletePaymentMethod, new { input = new { paymentMethodId = first } })).Succeeded();

        Assert.Equal(first, Guid.Parse(deleted.Text("deletedId")));
        var mine = (await buyer.Client.SendAsync(Operations.MyPaymentMethods)).EnsureNoErrors().Get("myPaymentMethods");
        Assert.Equal((second, true), (mine[0].Id(), mine[0].GetProperty("isDefault").GetBoolean()));
        Assert.Equal(1, mine.GetArrayLength());
    }

    public static TheoryData<string, string, string, int?, int?, string> BadMethods => new()
    {
        { "4242424242424242", "Visa", "4242", 12, NextYear, "CARD_DATA_NOT_ACCEPTED" },
        { "pm_ok", "4000 0566 5566 5556", "5556", 12, NextYear, "CARD_DATA_NOT_ACCEPTED" },
        { "", "Visa", "4242", 12, NextYear, "REQUIRED" },
        { "pm_ok", "Visa", "424", 12, NextYear, "INVALID_LAST4" },
        { "pm_ok", "Visa", "42a2", 12, NextYear, "INVALID_LAST4" },
        { "pm_ok", "Visa", "4242", 13, NextYear, "INVALID_EXPIRY" },
        { "pm_ok", "Visa", "4242", 12, null, "INVALID_EXPIRY" },
        { "pm_ok", "Visa", "4242", 1, 2020, "CARD_EXPIRED" },
        { "pm_ok", new string('B', 31), "4242", 12, NextYear, "TOO_LONG" },
    };

    [Theory]
    [MemberData(nameof(BadMethods))]
    public async Task Bad_methods_are_refused_and_nothing_is_stored(string token, string brand, string last4, int? month, int? year, string code)
    {
        var buyer = app.SignIn();

        var payload = await buyer.Client.MutateAsync(Operations.SavePaymentMethod, new
        {
            input = new { gateway = "STRIPE", token, brand, last4, expiryMonth = month, expiryYear = year },
        });

        Assert.Equal([code], payload.Codes());
        Assert.Equal(0, await app.InDatabaseAsync(db => db.SavedPaymentMethods.CountAsync(m => m.UserId == buyer.Id)));
    }

    [Fact]
    public async Task The_same_token_is_saved_once_and_others_methods_cannot_be_touched()
    {
        var buyer = app.SignIn();
        var other = app.SignIn();
        var saved = (await SaveAsync(buyer, "pm_once", "Visa", "4242")).Succeeded().GetProperty("paymentMethod").Id();

        Assert.Equal(["PAYMENT_METHOD_ALREADY_SAVED"], (await SaveAsync(buyer, "pm_once", "Visa", "4242")).Codes());
        Assert.Equal(["PAYMENT_METHOD_NOT_FOUND"], (await other.Client.MutateAsync(Operations.DeletePaymentMethod, new { input = new { paymentMethodId = saved } })).Codes());
        Assert.Equal(["PAYMENT_METHOD_NOT_FOUND"], (await other.Client.MutateAsync(Operations.SetDefaultPaymentMethod, new { input = new { paymentMethodId = saved } })).Codes());
        Assert.Equal(1, await app.InDatabaseAsync(db => db.SavedPaymentMethods.CountAsync(m => m.UserId == buyer.Id)));
    }

    private static Task<System.Text.Json.JsonElement> SaveAsync(Person buyer, string token, string brand, string last4) =>
        buyer.Client.MutateAsync(Operations.SavePaymentMethod, new { input = new { gateway = "STRIPE", token, brand, last4, expiryMonth = 12, expiryYear = NextYear } });
}

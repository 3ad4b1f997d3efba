using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Seed;

/// <summary>
/// The demo buyer (<see cref="DemoAccounts.BuyerId"/>) has a saved Visa card at Stripe, their default: Stripe's test
/// PaymentMethod token and its last four digits only, as every saved card. Inserted only when missing.
/// </summary>
public sealed class PaymentsDemoData(PaymentsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public const string DemoCardToken = "pm_card_visa";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.SavedPaymentMethods.AnyAsync(m => m.UserId == DemoAccounts.BuyerId && m.Token == DemoCardToken, cancellationToken))
            return;
        var saved = SavedPaymentMethod.Save(DemoAccounts.BuyerId, PaymentGateway.Stripe, DemoCardToken, "Visa", "4242", 12, 2030,
            !await db.SavedPaymentMethods.AnyAsync(m => m.UserId == DemoAccounts.BuyerId, cancellationToken), clock.GetUtcNow());
        db.SavedPaymentMethods.Add(saved.Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}

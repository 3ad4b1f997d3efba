using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Payments.Domain;
using GoShop.Payments.Seed;
using GoShop.Payments.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Payments.Tests;

/// <summary>What <c>make up</c> seeds: the demo buyer's saved Stripe card (a token and the last four digits only).</summary>
public sealed class DemoDataTests(DemoDataTests.SeededApp app) : IClassFixture<DemoDataTests.SeededApp>
{
    public sealed class SeededApp() : PaymentsApp(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });

    [Fact]
    public async Task The_demo_buyer_has_a_default_saved_card_and_seeding_twice_adds_nothing()
    {
        // The host seeded when it started; seeding again (every start does) adds nothing.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
                await seeder.SeedAsync(CancellationToken.None);
        }

        var saved = await app.InDatabaseAsync(db => db.SavedPaymentMethods.AsNoTracking().Where(m => m.UserId == DemoAccounts.BuyerId).ToListAsync());

        var card = Assert.Single(saved);
        Assert.Equal((PaymentGateway.Stripe, PaymentsDemoData.DemoCardToken, "4242", true), (card.Gateway, card.Token, card.Last4, card.IsDefault));
    }
}

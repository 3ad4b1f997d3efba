using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Demo;
using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using GoShop.Reviews.Sentiments;
using GoShop.Reviews.Summaries;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Seed;

/// <summary>
/// Demo reviews (development only): the demo buyer's reviews, in Vietnamese and English, of the first products of each
/// demo shop, some with the demo seller's reply, published and counted in their summaries (so catalog's ratings of
/// those products follow). Fixed orders per product, so a second run finds them and adds nothing.
/// </summary>
public sealed class ReviewsDemoData(ReviewsDbContext db, RatingSummaries summaries, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly (int Rating, string? Title, string Body, string? Reply)[] Texts =
    [
        (5, "Rất hài lòng", "Hàng đẹp, đóng gói cẩn thận, giao nhanh hơn dự kiến. Sẽ ủng hộ shop tiếp.", "Cảm ơn bạn đã tin tưởng shop!"),
        (4, "Good value", "Good quality for the price. Delivery took three days, which was fine.", null),
        (2, "Chưa ưng lắm", "Sản phẩm không giống hình lắm, màu hơi khác. Shop tư vấn nhiệt tình nên cho 2 sao.",
            "Shop xin lỗi bạn, bạn nhắn shop để được đổi hàng nhé."),
        (5, null, "Excellent! Exactly as described and the seller answered all my questions quickly.", null),
        (3, "Tạm được", "Dùng tạm được, chưa thấy gì đặc biệt.", null),
        (4, "Đáng tiền", "Chất lượng tốt trong tầm giá, mọi người nên mua.", "Cảm ơn bạn nhiều ạ!"),
        (1, "Disappointed", "The box arrived damaged and one part was missing.", "We are sorry: please message us and we will send the part today."),
        (5, "Tuyệt vời", "Mua lần thứ hai, vẫn tốt như lần đầu.", null),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var firstOrder = OrderId(DemoShops.All[0], 0);
        if (await db.Reviews.AnyAsync(r => r.OrderId == firstOrder, cancellationToken))
            return;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ordinal = 0;
        foreach (var shop in DemoShops.All)
        {
            for (var index = 0; index < 2; index++)
            {
                var (rating, title, body, reply) = Texts[ordinal % Texts.Length];
                var postedAt = now.AddDays(-20).AddHours(7 * ordinal++);
                var orderId = OrderId(shop, index);
                var productId = DemoIds.Product(shop, index);
                var purchase = new Purchase(orderId, DemoAccounts.BuyerId, shop.Id, DemoShops.OwnerId, $"GS-DEMO-{ordinal:D4}", postedAt.AddDays(-1),
                    [new PurchaseLine(productId, null, "", null)]);
                var review = Review.OfProduct(purchase, purchase.Lines[0], DemoAccounts.BuyerId, new ReviewContent(rating, title, body, []), postedAt);
                review.Screened(null, SentimentLexicon.Classify(title, body, rating), postedAt);
                if (reply is not null)
                    review.Reply(DemoShops.OwnerId, reply, postedAt.AddHours(3));
                db.Reviews.Add(review);
                await summaries.ApplyAsync(review, null, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The made-up order each demo review comes from (ordering has no demo orders to point at).</summary>
    private static Guid OrderId(DemoShop shop, int index) => NameBasedId.From($"goshop-demo:review-order:{shop.Slug}:{index}");
}

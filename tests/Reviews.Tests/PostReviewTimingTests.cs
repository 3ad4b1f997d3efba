using System.Diagnostics;
using System.Globalization;
using GoShop.BuildingBlocks.Auth;
using GoShop.Reviews.Domain;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GoShop.Reviews.Tests;

/// <summary>
/// What one createProductReview costs in the subgraph, in-process (no gateway, no network): the wall time of each post,
/// one at a time and 8 at a time, the process's CPU per post, and the SQL commands it sends, on make bench's shape
/// (each buyer reviews the product of their own delivered order, 30 products, the bench's bodies). It runs only when
/// GOSHOP_MEASURE=1 (GOSHOP_MEASURE_POSTS sets the posts of each phase, 300 by default, after 100 to warm up); it
/// asserts that every post was accepted and the summaries equal a recount, and writes the figures to the test output,
/// never into an assertion.
/// </summary>
[Trait("Category", "Measurement")]
public sealed class PostReviewTimingTests(ReviewsApp app, ITestOutputHelper output) : IClassFixture<ReviewsApp>
{
    private const string CreateProductReview =
        "mutation CreateProductReview($input: CreateProductReviewInput!) { createProductReview(input: $input) { review { id status } userErrors { code field message } } }";

    private static readonly string[] Bodies =
    [
        "Hàng đúng mô tả, giao nhanh, đóng gói cẩn thận.", "Good quality for the price, would buy again.",
        "Chất lượng tạm ổn so với giá tiền.", "Not what I expected, the colour is different.",
    ];

    private const int Warm = 100;

    [MeasurementFact]
    public async Task Posting_reviews_one_at_a_time_and_eight_at_a_time()
    {
        var posts = int.TryParse(Environment.GetEnvironmentVariable("GOSHOP_MEASURE_POSTS"), out var n) && n > 0 ? n : 300;
        var products = Enumerable.Range(0, 30).Select(_ => Guid.CreateVersion7()).ToList();
        var shopId = Guid.CreateVersion7();
        var sellerId = Guid.CreateVersion7();
        var orders = await PurchasesAsync(Warm + 1 + 2 * posts, products, shopId, sellerId);

        await PostAsync(orders[..Warm], 1);
        await PostAsync(orders[Warm..(Warm + 1)], 1);
        var sql = app.Factory.Commands.Commands;
        var one = await PostAsync(orders[(Warm + 1)..(Warm + 1 + posts)], 1);
        var eight = await PostAsync(orders[(Warm + 1 + posts)..], 8);
        output.WriteLine(one.Describe("1 at a time"));
        output.WriteLine(eight.Describe("8 at a time"));
        output.WriteLine($"The SQL of one post ({sql.Count} commands):\n{string.Join("\n--\n", sql)}");

        await app.InDatabaseAsync(async db =>
        {
            var recount = await db.Reviews.Where(r => r.Subject == ReviewSubject.Product && r.Status == ReviewStatus.Published)
                .GroupBy(r => r.SubjectId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.Rating) }).ToDictionaryAsync(x => x.Key);
            foreach (var summary in await db.RatingSummaries.AsNoTracking().Where(s => s.Subject == ReviewSubject.Product).ToListAsync())
            {
                Assert.Equal(recount[summary.SubjectId].Count, summary.Count);
                Assert.Equal(recount[summary.SubjectId].Sum, summary.StarTotal);
            }
        });
    }

    /// <summary>Delivered one-line orders of one product each, written straight into the purchases (what ordering's events record).</summary>
    private async Task<List<(Person Buyer, Guid OrderId, Guid ProductId)>> PurchasesAsync(int count, List<Guid> products, Guid shopId, Guid sellerId)
    {
        var now = app.Clock.GetUtcNow();
        var orders = Enumerable.Range(0, count).Select(i => (Buyer: app.As(Guid.CreateVersion7(), Roles.Buyer), OrderId: Guid.CreateVersion7(), ProductId: products[i % products.Count]))
            .ToList();
        await app.InDatabaseAsync(async db =>
        {
            db.Purchases.AddRange(orders.Select((o, i) => new Purchase(o.OrderId, o.Buyer.Id, shopId, sellerId, $"GS-TIMING-{i:D5}", now.AddDays(-1),
                [new PurchaseLine(o.ProductId, null, $"Reviewed item {i % products.Count}", null)])));
            await db.SaveChangesAsync();
        });
        return orders;
    }

    private async Task<Figures> PostAsync(IReadOnlyList<(Person Buyer, Guid OrderId, Guid ProductId)> orders, int concurrency)
    {
        var latencies = new List<double>();
        app.Factory.Commands.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders.Count)
            {
                var (buyer, orderId, productId) = orders[i];
                var sent = Stopwatch.GetTimestamp();
                var payload = await buyer.Client.MutateAsync(CreateProductReview,
                    new { input = new { orderId, productId, rating = 1 + i % 5, body = $"{Bodies[i % Bodies.Length]} #{i}" } });
                var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
                lock (latencies)
                    latencies.Add(elapsed);
            }
        })));
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        latencies.Sort();
        return new Figures(orders.Count, latencies, cpuMs / orders.Count, (double)app.Factory.Commands.Count / orders.Count, orders.Count / wall);
    }

    private sealed record Figures(int Posts, List<double> Sorted, double CpuMsPerPost, double SqlPerPost, double PerSecond)
    {
        public string Describe(string load) => string.Create(CultureInfo.InvariantCulture,
            $"{load}: {Posts} posts, p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, p99 {Percentile(0.99):0.0} ms, " +
            $"{PerSecond:0} posts/s, CPU {CpuMsPerPost:0.00} ms/post (test process: subgraph and client), {SqlPerPost:0.0} SQL commands/post");

        private double Percentile(double p) => Sorted[Math.Clamp((int)Math.Ceiling(p * Sorted.Count) - 1, 0, Sorted.Count - 1)];
    }
}

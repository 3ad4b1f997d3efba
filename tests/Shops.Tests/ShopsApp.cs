using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GoShop.Shops.Tests;

/// <summary>
/// The shops subgraph hosted in-process for one test class, on a database of its own, with a clock the tests can
/// move, access tokens signed by <see cref="TestTokens"/> and a stand-in for the media subgraph.
/// </summary>
public sealed class ShopsApp : IAsyncLifetime
{
    private TestDatabase? _database;

    public SubgraphFactory<Program> Factory { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestTokens Tokens { get; } = new("shops-test");

    public FakeMediaService Media { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("shops");
        Factory = new ShopsFactory(this, _database);
        await Factory.CreateGraphQLClient().SendAsync("{ __typename }");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Tokens.Dispose();
    }

    public GraphQLClient Client(string? accessToken = null) => new(Factory.CreateClient()) { AccessToken = accessToken };

    /// <summary>A client signed in as a new user (a buyer until identity hears of a shop).</summary>
    public Person NewUser(params string[] roles)
    {
        var id = Guid.CreateVersion7();
        return new Person(id, Client(Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles)));
    }

    public Person NewAdmin() => NewUser(Roles.Buyer, Roles.Admin);

    /// <summary>The internal coupon API as cart and ordering call it: the typed client with the shared key.</summary>
    public CouponClient Coupons() => new(InternalHttp());

    /// <summary>The internal shop lookup as catalog calls it.</summary>
    public ShopDirectory Directory() => new(InternalHttp());

    private HttpClient InternalHttp()
    {
        var http = Factory.CreateClient();
        http.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, InternalApiOptions.DevelopmentKey);
        return http;
    }

    public async Task<T> InDatabaseAsync<T>(Func<ShopsDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ShopsDbContext>());
    }

    private sealed class ShopsFactory(ShopsApp app, TestDatabase database) : SubgraphFactory<Program>(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(app.Clock);
                services.AddSingleton<IAccessTokenKeys>(app.Tokens);
                services.UseFakeInternalApi<MediaDirectory>(app.Media);
            });
        }
    }
}

/// <summary>A signed-in person: their user id and a client carrying their token.</summary>
public sealed record Person(Guid Id, GraphQLClient Client);

public static class JsonElementExtensions
{
    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static Guid Id(this JsonElement element) => Guid.Parse(element.Text("id"));

    /// <summary>The input paths of a payload's userErrors, e.g. ["name", "address"].</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement payload) =>
        payload.GetProperty("userErrors").EnumerateArray()
            .Select(e => e.GetProperty("field").ValueKind == JsonValueKind.Array ? e.GetProperty("field")[1].GetString()! : "")
            .ToList();
}

using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Shops.Tests;

/// <summary>
/// The shops subgraph hosted in-process for one test class, on a database of its own, with a clock the tests can
/// move, access tokens signed by <see cref="TestTokens"/> and a stand-in for the media subgraph.
/// </summary>
public sealed class ShopsApp() : SubgraphApp<Program, ShopsDbContext>("shops", tokensFollowClock: false)
{
    public FakeMediaService Media { get; } = new();

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

    protected override void ConfigureServices(IServiceCollection services) => services.UseFakeInternalApi<MediaDirectory>(Media);
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

using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Loaders;
using GoShop.Shops.GraphQL.Types;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Shops.GraphQL.Queries;

[Description("Which shops to list; every filter given must match.")]
public sealed record ShopFilterInput
{
    [Description("Words of the shop's name or description; accents and letter case do not matter (\"dien may\" finds \"Điện Máy\").")]
    public string? Text { get; init; }

    [Description("A category slug the shop sells in, e.g. electronics.")]
    public string? Category { get; init; }

    [Description("Only the shops of this owner (a user id). Owners give their own id to list their shops that are not ACTIVE.")]
    public Guid? OwnerId { get; init; }

    [Description("The shop's city; accents and letter case do not matter.")]
    public string? City { get; init; }

    [Description("ACTIVE when left out. Other statuses only for admins, or for owners together with their own ownerId; anyone else gets a FORBIDDEN error.")]
    public ShopStatus? Status { get; init; }
}

public sealed class ShopFilterInputType : AutoRegisteringInputObjectGraphType<ShopFilterInput>;

/// <summary>shop(id), shopBySlug, shops(where:) and shopsNear.</summary>
public static class ShopQueries
{
    public const int DefaultNearbyRadiusKm = 10;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ShopType, IDataLoaderResult<Shop?>>("shop")
            .Description("A shop by id, whatever its status; null when no shop has this id. Anyone may ask.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The shop's id.")
            .Resolve(context => context.Loader<ShopByIdLoader>().Load(context.GetArgument<Guid>("id")));

        query.Field<ShopType, Shop>("shopBySlug")
            .Description("A shop by its URL name, e.g. dien-may-xanh, whatever its status; null when no shop has this slug. Anyone may ask.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The slug; letter case and surrounding spaces do not matter.")
            .ResolveAsync(async context =>
            {
                var slug = context.GetArgument<string>("slug").Trim().ToLowerInvariant();
                return await context.Service<ShopsDbContext>().Shops.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionType<ShopType, Shop>>, Connection<Shop>>("shops")
            .Description("Shops, newest first. Anyone may list ACTIVE shops; other statuses need an admin, or the owner listing their own.")
            .Argument<ShopFilterInputType>("where", "Which shops; every ACTIVE shop when left out.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var filter = context.GetArgument<ShopFilterInput?>("where") ?? new ShopFilterInput();
                var shops = Filter(context.Service<ShopsDbContext>().Shops.AsNoTracking(), filter, context.Service<ICurrentUser>());
                return await shops.ToConnectionByIdAsync(s => s.Id, page, newestFirst: true, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NearbyShopType>>>, List<NearbyShop>>("shopsNear")
            .Description("ACTIVE shops within a radius of a point, nearest first, each with its distance. Anyone may ask; " +
                "a radius or first out of bounds is a BAD_USER_INPUT error.")
            .Argument<NonNullGraphType<GeoPointInputType>>("location", "The point to search around, e.g. the buyer's position.")
            .Argument<FloatGraphType>("radiusKm", "How far to look, in kilometres: more than 0, at most 100.", arg => arg.DefaultValue = (double)DefaultNearbyRadiusKm)
            .Argument<StringGraphType>("category", "Only shops selling in this category (its slug, e.g. electronics; letter case does not matter).")
            .Argument<IntGraphType>("first", $"How many shops, 1 to {PageRequest.MaxSize}.", arg => arg.DefaultValue = PageRequest.DefaultSize)
            .ResolveAsync(async context =>
            {
                var maxRadius = context.Service<IOptions<ShopsOptions>>().Value.MaxNearbyRadiusKm;
                var radiusKm = context.GetArgument<double>("radiusKm", DefaultNearbyRadiusKm);
                if (double.IsNaN(radiusKm) || radiusKm <= 0 || radiusKm > maxRadius)
                    throw GraphQLErrors.BadUserInput($"'radiusKm' must be more than 0 and at most {maxRadius}.");
                var first = context.GetArgument("first", PageRequest.DefaultSize);
                if (first is < 1 or > PageRequest.MaxSize)
                    throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {PageRequest.MaxSize}.");
                return await NearAsync(context.Service<ShopsDbContext>(), context.GetArgument<GeoPoint>("location"), radiusKm,
                    context.GetArgument<string?>("category"), first, context.CancellationToken);
            });
    }

    /// <summary>
    /// ST_DWithin and ST_Distance on the geography column: the GiST index narrows the candidates to the radius, and
    /// distances are metres over the globe, not degrees.
    /// </summary>
    private static async Task<List<NearbyShop>> NearAsync(
        ShopsDbContext db, GeoPoint location, double radiusKm, string? category, int first, CancellationToken cancellationToken)
    {
        var point = Shop.PointOf(location);
        var shops = db.Shops.AsNoTracking().Where(s => s.Status == ShopStatus.Active && s.Location.IsWithinDistance(point, radiusKm * 1000));
        if (!string.IsNullOrWhiteSpace(category))
        {
            var slug = category.Trim().ToLowerInvariant();
            shops = shops.Where(s => s.Categories.Contains(slug));
        }
        var nearest = await shops
            .Select(s => new { Shop = s, Metres = s.Location.Distance(point) })
            .OrderBy(x => x.Metres).ThenBy(x => x.Shop.Id)
            .Take(first)
            .ToListAsync(cancellationToken);
        // To the metre: more digits would claim a precision the coordinates do not have.
        return nearest.Select(x => new NearbyShop(x.Shop, Math.Round(x.Metres / 1000, 3))).ToList();
    }

    private static IQueryable<Shop> Filter(IQueryable<Shop> shops, ShopFilterInput filter, ICurrentUser viewer)
    {
        var status = filter.Status ?? ShopStatus.Active;
        if (status != ShopStatus.Active && !viewer.IsAdmin() && !(filter.OwnerId is { } owner && viewer.Manages(owner)))
            throw GraphQLErrors.Forbidden("Only admins, and owners listing their own shops, see shops that are not active.");
        shops = shops.Where(s => s.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + Escape(filter.Text.Trim()) + "%";
            shops = shops.Where(s => EF.Functions.ILike(EF.Functions.Unaccent(s.Name), EF.Functions.Unaccent(pattern))
                || (s.Description != null && EF.Functions.ILike(EF.Functions.Unaccent(s.Description), EF.Functions.Unaccent(pattern))));
        }
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var category = filter.Category.Trim().ToLowerInvariant();
            shops = shops.Where(s => s.Categories.Contains(category));
        }
        if (filter.OwnerId is { } ownerId)
            shops = shops.Where(s => s.OwnerId == ownerId);
        if (!string.IsNullOrWhiteSpace(filter.City))
        {
            var city = Escape(filter.City.Trim());
            shops = shops.Where(s => s.City != null && EF.Functions.ILike(EF.Functions.Unaccent(s.City), EF.Functions.Unaccent(city)));
        }
        return shops;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

using GoShop.BuildingBlocks.Data;
using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Carts;
using GoShop.Cart.Catalog;
using GoShop.Cart.Data;
using GoShop.Cart.Data.Configurations;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Cart.GraphQL.Mutations;

public sealed record SaveCartInput
{
    [Description("1 to 60 characters, different from your other saved carts' names whatever the letter case.")]
    public required string Name { get; init; }
}

public sealed record RestoreCartInput
{
    public required Guid SavedCartId { get; init; }
}

public sealed record DeleteSavedCartInput
{
    public required Guid SavedCartId { get; init; }
}

public sealed class SaveCartInputType : AutoRegisteringInputObjectGraphType<SaveCartInput>;

public sealed class RestoreCartInputType : AutoRegisteringInputObjectGraphType<RestoreCartInput>;

public sealed class DeleteSavedCartInputType : AutoRegisteringInputObjectGraphType<DeleteSavedCartInput>;

/// <summary>saveCart, restoreCart and deleteSavedCart.</summary>
public sealed class SavedCartMutations(CartDbContext db, CartLines lines, CartChanges changes, ICurrentUser currentUser, TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SaveCartPayloadGraphType>, SavedCartPayload>("saveCart")
            .Description($"Saves a copy of the cart's lines under a name (the cart stays as it is). A buyer keeps at most {SavedCart.MaxPerUser} saved carts.")
            .Authorize()
            .Argument<NonNullGraphType<SaveCartInputType>>("input")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().SaveAsync(context.GetArgument<SaveCartInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RestoreCartPayloadGraphType>, RestoreCartPayload>("restoreCart")
            .Description("Puts a saved cart's lines back in the cart, each checked with catalog as addToCart checks it and merged with the line " +
                "already there (a line holds at most 999). Lines that cannot go in are listed in userErrors; the others go in all the same.")
            .Authorize()
            .Argument<NonNullGraphType<RestoreCartInputType>>("input")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().RestoreAsync(context.GetArgument<RestoreCartInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteSavedCartPayloadGraphType>, DeleteSavedCartPayload>("deleteSavedCart")
            .Authorize()
            .Argument<NonNullGraphType<DeleteSavedCartInputType>>("input")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().DeleteAsync(context.GetArgument<DeleteSavedCartInput>("input"), context.CancellationToken));
    }

    public async Task<SavedCartPayload> SaveAsync(SaveCartInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Name, "name", SavedCart.MaxName);
        if (check.HasErrors)
            return Fail<SavedCartPayload>(check);
        var name = input.Name.Trim();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The cart's lock also lines up the buyer's saves, so the limit holds when two arrive at once.
        var cart = await db.LockCartAsync(userId, cancellationToken);
        if (cart is null || cart.IsEmpty)
            return Fail<SavedCartPayload>(CartErrors.CartEmpty);
        if (await db.SavedCarts.CountAsync(s => s.UserId == userId, cancellationToken) >= SavedCart.MaxPerUser)
            return Fail<SavedCartPayload>(CartErrors.SavedCartLimitReached);
        // citext: the comparison ignores letter case.
        if (await db.SavedCarts.AnyAsync(s => s.UserId == userId && s.Name == name, cancellationToken))
            return Fail<SavedCartPayload>(CartErrors.SavedCartNameTaken);

        var (products, variants) = await ProductCopies.ReadAsync(db, cart.Items.Select(i => i.ProductId).ToHashSet(),
            cart.Items.Where(i => i.VariantId is not null).Select(i => i.VariantId!.Value).ToHashSet(), cancellationToken);
        var saved = SavedCart.Of(cart, name, item => (
            products.GetValueOrDefault(item.ProductId)?.Title ?? "",
            item.VariantId is { } variantId ? variants.GetValueOrDefault(variantId)?.Title : null), clock.GetUtcNow());
        db.SavedCarts.Add(saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(SavedCartConfiguration.NameIndex))
        {
            return Fail<SavedCartPayload>(CartErrors.SavedCartNameTaken);
        }
        return new SavedCartPayload { SavedCart = saved };
    }

    public async Task<RestoreCartPayload> RestoreAsync(RestoreCartInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var saved = await db.SavedCarts.AsNoTracking().Include(s => s.Items)
            .SingleOrDefaultAsync(s => s.Id == input.SavedCartId && s.UserId == userId, cancellationToken);
        if (saved is null)
            return Fail<RestoreCartPayload>(CartErrors.SavedCartNotFound);
        var items = saved.Items.OrderBy(i => i.Position).ToList();
        var added = await lines.AddEachAsync(userId, items.Select(i => new LineRequest(i.ProductId, i.VariantId, i.Quantity)).ToList(),
            QuantityOverflow.Cap, cancellationToken);
        if (!added.Succeeded)
            return Fail<RestoreCartPayload>(added.Error);
        var refused = added.Value.Outcomes
            .Select((outcome, index) => (outcome, item: items[index]))
            .Where(x => x.outcome.Error is not null)
            .Select(x => UserError.ForInput(x.outcome.Error!.Code, $"{Label(x.item)}: {x.outcome.Error.Message}", "savedCartId"))
            .ToList();
        var payload = await changes.PayloadAsync(added.Value.Cart, null, cancellationToken);
        return new RestoreCartPayload { Cart = payload.Cart, Added = added.Value.Added, UserErrors = refused };
    }

    public async Task<DeleteSavedCartPayload> DeleteAsync(DeleteSavedCartInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var deleted = await db.SavedCarts.Where(s => s.Id == input.SavedCartId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0
            ? Fail<DeleteSavedCartPayload>(CartErrors.SavedCartNotFound)
            : new DeleteSavedCartPayload { DeletedSavedCartId = input.SavedCartId };
    }

    private static string Label(SavedCartItem item) => item.VariantTitle is null ? item.Title : $"{item.Title} ({item.VariantTitle})";
}

using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Carts;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Cart.GraphQL.Mutations;

[Description("The name saveCart saves the cart under.")]
public sealed record SaveCartInput
{
    [Description("1 to 60 characters (trimmed), different from your other saved carts' names whatever the letter case.")]
    public required string Name { get; init; }
}

[Description("The saved cart restoreCart puts back.")]
public sealed record RestoreCartInput
{
    [Description("One of your saved carts.")]
    public required Guid SavedCartId { get; init; }
}

[Description("The saved cart deleteSavedCart deletes.")]
public sealed record DeleteSavedCartInput
{
    [Description("One of your saved carts.")]
    public required Guid SavedCartId { get; init; }
}

public sealed class SaveCartInputType : AutoRegisteringInputObjectGraphType<SaveCartInput>;

public sealed class RestoreCartInputType : AutoRegisteringInputObjectGraphType<RestoreCartInput>;

public sealed class DeleteSavedCartInputType : AutoRegisteringInputObjectGraphType<DeleteSavedCartInput>;

/// <summary>saveCart, restoreCart and deleteSavedCart.</summary>
public sealed class SavedCartMutations(SavedCartDesk savedCarts, CartPayloads payloads, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SaveCartPayloadType>, SavedCartPayload>("saveCart")
            .Description($"Saves a copy of every line of the cart, flagged ones too, under a name (the cart stays as it is). A buyer keeps at "
                + $"most {SavedCart.MaxPerUser} saved carts. userErrors: REQUIRED, TOO_LONG, CART_EMPTY, SAVED_CART_LIMIT_REACHED, "
                + "SAVED_CART_NAME_TAKEN.")
            .Authorize()
            .Argument<NonNullGraphType<SaveCartInputType>>("input", "The name to save it under.")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().SaveAsync(context.GetArgument<SaveCartInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RestoreCartPayloadType>, RestoreCartPayload>("restoreCart")
            .Description("Puts a saved cart's lines back in the cart, each checked as addToCart checks a line and merged with the line " +
                "already there (a line holds at most 999: more is cut to 999). Lines that cannot go in are listed in userErrors, each with " +
                "field [\"input\", \"savedCartId\"] and a message that starts with the product's title; the others go in all the same. The saved " +
                "cart stays. userErrors: SAVED_CART_NOT_FOUND, CATALOG_UNAVAILABLE, PRODUCT_NOT_FOUND, PRODUCT_UNAVAILABLE, OUT_OF_STOCK, CART_FULL.")
            .Authorize()
            .Argument<NonNullGraphType<RestoreCartInputType>>("input", "The saved cart to put back.")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().RestoreAsync(context.GetArgument<RestoreCartInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteSavedCartPayloadType>, DeleteSavedCartPayload>("deleteSavedCart")
            .Description("Deletes one of your saved carts; the cart itself stays as it is. userErrors: SAVED_CART_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteSavedCartInputType>>("input", "The saved cart to delete.")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().DeleteAsync(context.GetArgument<DeleteSavedCartInput>("input"), context.CancellationToken));
    }

    public async Task<SavedCartPayload> SaveAsync(SaveCartInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Name, "name", SavedCart.MaxName);
        if (check.HasErrors)
            return Fail<SavedCartPayload>(check);
        var saved = await savedCarts.SaveAsync(userId, input.Name.Trim(), cancellationToken);
        return saved.Succeeded ? new SavedCartPayload { SavedCart = saved.Value } : Fail<SavedCartPayload>(saved.Error);
    }

    public async Task<RestoreCartPayload> RestoreAsync(RestoreCartInput input, CancellationToken cancellationToken)
    {
        var restored = await savedCarts.RestoreAsync(currentUser.RequireId(), input.SavedCartId, cancellationToken);
        if (!restored.Succeeded)
            return Fail<RestoreCartPayload>(restored.Error);
        var payload = await payloads.OfAsync(restored.Value.Cart, itemId: null, cancellationToken);
        return new RestoreCartPayload { Cart = payload.Cart, Added = restored.Value.Added, UserErrors = restored.Value.Refused.Select(UserError.From).ToList() };
    }

    public async Task<DeleteSavedCartPayload> DeleteAsync(DeleteSavedCartInput input, CancellationToken cancellationToken)
    {
        var deleted = await savedCarts.DeleteAsync(currentUser.RequireId(), input.SavedCartId, cancellationToken);
        return deleted.Succeeded
            ? new DeleteSavedCartPayload { DeletedSavedCartId = input.SavedCartId }
            : Fail<DeleteSavedCartPayload>(deleted.Error);
    }
}

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
public sealed class SavedCartMutations(SavedCartDesk savedCarts, CartPayloads payloads, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SaveCartPayloadType>, SavedCartPayload>("saveCart")
            .Description($"Saves a copy of the cart's lines under a name (the cart stays as it is). A buyer keeps at most {SavedCart.MaxPerUser} saved carts.")
            .Authorize()
            .Argument<NonNullGraphType<SaveCartInputType>>("input")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().SaveAsync(context.GetArgument<SaveCartInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RestoreCartPayloadType>, RestoreCartPayload>("restoreCart")
            .Description("Puts a saved cart's lines back in the cart, each checked with catalog as addToCart checks it and merged with the line " +
                "already there (a line holds at most 999). Lines that cannot go in are listed in userErrors; the others go in all the same.")
            .Authorize()
            .Argument<NonNullGraphType<RestoreCartInputType>>("input")
            .ResolveAsync(async context => await context.Service<SavedCartMutations>().RestoreAsync(context.GetArgument<RestoreCartInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteSavedCartPayloadType>, DeleteSavedCartPayload>("deleteSavedCart")
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

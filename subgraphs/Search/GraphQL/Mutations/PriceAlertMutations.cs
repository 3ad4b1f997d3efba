using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Search.Data;
using GoShop.Search.Data.Configurations;
using GoShop.Search.Domain;
using GoShop.Search.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Search.GraphQL.Mutations;

public sealed record CreatePriceAlertInput
{
    public required Guid ProductId { get; init; }

    public required decimal TargetPrice { get; init; }
}

public sealed record DeletePriceAlertInput
{
    public required Guid AlertId { get; init; }
}

public sealed record CreatePriceAlertPayload : Payload
{
    public PriceAlert? PriceAlert { get; init; }
}

public sealed record DeletePriceAlertPayload : Payload
{
    public Guid? DeletedAlertId { get; init; }
}

public sealed class CreatePriceAlertInputType : InputObjectGraphType<CreatePriceAlertInput>
{
    public CreatePriceAlertInputType()
    {
        Name = "CreatePriceAlertInput";
        Description = "The product to watch and the price to wait for.";
        Field(x => x.ProductId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The product to watch.");
        Field(x => x.TargetPrice, type: typeof(NonNullGraphType<DecimalGraphType>))
            .Description("Fire when a buyer can pay this or less (in the product's currency, VND); more than 0 and below the price paid now unless the product is out of stock.");
    }
}

public sealed class DeletePriceAlertInputType : InputObjectGraphType<DeletePriceAlertInput>
{
    public DeletePriceAlertInputType()
    {
        Name = "DeletePriceAlertInput";
        Description = "The alert to delete.";
        Field(x => x.AlertId, type: typeof(NonNullGraphType<IdGraphType>)).Description("One of the signed-in buyer's price alerts.");
    }
}

public sealed class CreatePriceAlertPayloadType : PayloadType<CreatePriceAlertPayload>
{
    public CreatePriceAlertPayloadType()
    {
        Name = "CreatePriceAlertPayload";
        Description = "The alert created.";
        Field<PriceAlertType, PriceAlert?>("priceAlert").Description("The new alert, ACTIVE; null when userErrors is not empty.").Resolve(context => context.Source.PriceAlert);
    }
}

public sealed class DeletePriceAlertPayloadType : PayloadType<DeletePriceAlertPayload>
{
    public DeletePriceAlertPayloadType()
    {
        Name = "DeletePriceAlertPayload";
        Description = "The alert deleted.";
        Field(x => x.DeletedAlertId, type: typeof(IdGraphType)).Description("The id of the deleted alert; null when userErrors is not empty.");
    }
}

/// <summary>createPriceAlert and deletePriceAlert: the signed-in buyer's own alerts.</summary>
public sealed class PriceAlertMutations(SearchDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreatePriceAlertPayloadType>, CreatePriceAlertPayload>("createPriceAlert")
            .Description("Watches a product's price for the signed-in buyer: when a price cut, a discount or a restock lets them buy it at the target " +
                "or less, the alert fires once and notifications tells them. One active alert per product; at most " +
                $"{PriceAlert.MaxActivePerBuyer} active alerts. Signed-in buyers only. " +
                "userErrors: INVALID_TARGET_PRICE, PRODUCT_NOT_FOUND, TARGET_ALREADY_REACHED, PRICE_ALERT_EXISTS, TOO_MANY_PRICE_ALERTS.")
            .Authorize()
            .Argument<NonNullGraphType<CreatePriceAlertInputType>>("input", "The product and the target price.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<PriceAlertMutations>()
                .CreateAsync(context.GetArgument<CreatePriceAlertInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<DeletePriceAlertPayloadType>, DeletePriceAlertPayload>("deletePriceAlert")
            .Description("Deletes one of the signed-in buyer's price alerts, ACTIVE or TRIGGERED. Signed-in buyers only. userErrors: PRICE_ALERT_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<DeletePriceAlertInputType>>("input", "The alert to delete.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<PriceAlertMutations>()
                .DeleteAsync(context.GetArgument<DeletePriceAlertInput>("input"), context.CancellationToken));
    }

    private async Task<CreatePriceAlertPayload> CreateAsync(CreatePriceAlertInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (input.TargetPrice <= 0 || input.TargetPrice > 1_000_000_000_000m)
            return Fail<CreatePriceAlertPayload>(SearchErrors.InvalidTargetPrice);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.ProductId, cancellationToken);
        if (product is null || !product.Searchable)
            return Fail<CreatePriceAlertPayload>(SearchErrors.ProductNotFound);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One buyer's creates run one after another, so the limit holds under concurrency.
        await db.LockAsync("search.alerts", userId.ToString(), cancellationToken);
        if (await db.PriceAlerts.AnyAsync(a => a.UserId == userId && a.ProductId == product.Id && a.Status == PriceAlertStatus.Active, cancellationToken))
            return Fail<CreatePriceAlertPayload>(SearchErrors.PriceAlertExists);
        if (await db.PriceAlerts.CountAsync(a => a.UserId == userId && a.Status == PriceAlertStatus.Active, cancellationToken) >= PriceAlert.MaxActivePerBuyer)
            return Fail<CreatePriceAlertPayload>(SearchErrors.TooManyPriceAlerts);
        var created = PriceAlert.Create(userId, product, input.TargetPrice, clock.GetUtcNow());
        if (!created.Succeeded)
            return Fail<CreatePriceAlertPayload>(created.Error);
        db.PriceAlerts.Add(created.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(PriceAlertConfiguration.ActiveIndex))
        {
            return Fail<CreatePriceAlertPayload>(SearchErrors.PriceAlertExists);
        }
        await transaction.CommitAsync(cancellationToken);
        return new CreatePriceAlertPayload { PriceAlert = created.Value };
    }

    private async Task<DeletePriceAlertPayload> DeleteAsync(DeletePriceAlertInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var deleted = await db.PriceAlerts.Where(a => a.Id == input.AlertId && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Fail<DeletePriceAlertPayload>(SearchErrors.PriceAlertNotFound) : new DeletePriceAlertPayload { DeletedAlertId = input.AlertId };
    }
}

using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.Payments.GraphQL.Mutations;

/// <summary>Input checks of the payments mutations.</summary>
internal static class MutationResults
{
    /// <summary>An amount of money asked for must be a positive whole number of đồng (INVALID_AMOUNT).</summary>
    public static InputCheck WholeDong(this InputCheck check, decimal? amount, string field = "amount") =>
        amount is { } value && (value <= 0 || value != Money.Round(value))
            ? check.Add("INVALID_AMOUNT", "The amount must be a positive whole number of đồng.", field)
            : check;
}

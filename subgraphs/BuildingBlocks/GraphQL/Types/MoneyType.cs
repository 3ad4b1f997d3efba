using GoShop.BuildingBlocks.Domain;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Types;

/// <summary><c>Money { amount: Decimal! currency: String! }</c>, the same in every subgraph.</summary>
public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An amount of money in one currency (ISO 4217; GoShop prices in VND).";
        this.Shareable();
        Field(x => x.Amount, type: typeof(NonNullGraphType<DecimalGraphType>)).Description("The amount, in the currency's major unit.");
        Field(x => x.Currency).Description("ISO 4217 code, e.g. VND.");
    }
}

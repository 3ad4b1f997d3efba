using GoShop.BuildingBlocks.GraphQL.Errors;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Types;

/// <summary>Base graph type of a mutation payload: derived types add the changed objects; this adds userErrors.</summary>
public abstract class PayloadType<TPayload> : ObjectGraphType<TPayload> where TPayload : Payload
{
    protected PayloadType()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>, IReadOnlyList<UserError>>("userErrors")
            .Description("Expected failures; empty when the mutation succeeded.")
            .Resolve(context => context.Source.UserErrors);
    }
}

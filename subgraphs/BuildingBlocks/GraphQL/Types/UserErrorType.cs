using GoShop.BuildingBlocks.GraphQL.Errors;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Types;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "An expected failure of a mutation. Nothing was changed when a payload carries one.";
        this.Shareable();
        Field(x => x.Code).Description("A stable UPPER_SNAKE code to branch on, e.g. EMAIL_TAKEN.");
        Field(x => x.Field, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("The path of the input field at fault, e.g. [\"input\", \"email\"].");
        Field(x => x.Message).Description("A sentence to show to a person.");
    }
}

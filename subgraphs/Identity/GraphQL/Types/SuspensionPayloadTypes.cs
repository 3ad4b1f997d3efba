using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Identity.Domain;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

public abstract class SuspensionPayloadTypeBase : PayloadType<UserPayload>
{
    protected SuspensionPayloadTypeBase(string name, string description, string userDescription)
    {
        Name = name;
        Description = description;
        Field<UserType, User>("user").Description(userDescription).Resolve(context => context.Source.User);
    }
}

public sealed class SuspendUserPayloadType() : SuspensionPayloadTypeBase("SuspendUserPayload",
    "What suspendUser answers: the suspended user, or userErrors and no change.",
    "The user, now SUSPENDED with the reason given; null when there are userErrors.");

public sealed class ReinstateUserPayloadType() : SuspensionPayloadTypeBase("ReinstateUserPayload",
    "What reinstateUser answers: the reinstated user, or userErrors and no change.",
    "The user, ACTIVE again; null when there are userErrors.");

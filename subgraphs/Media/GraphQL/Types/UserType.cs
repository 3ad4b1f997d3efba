using GoShop.BuildingBlocks.GraphQL.Federation;

namespace GoShop.Media.GraphQL.Types;

/// <summary>A user, owned by the identity subgraph; media only knows the id.</summary>
public sealed class UserType() : KeyOnlyEntityType<UserType>("User");

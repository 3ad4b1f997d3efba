using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.BuildingBlocks.GraphQL.Authorization;

/// <summary>
/// Enforces graphql-dotnet's authorization metadata (<c>.Authorize()</c>, <c>.AuthorizeWithRoles(...)</c>) field by
/// field. A protected field resolves to an UNAUTHENTICATED or FORBIDDEN error while the rest of the operation still
/// runs, which is what a federated gateway needs: one refused field must not fail a whole subgraph fetch.
/// Only protected fields are wrapped; the others pay nothing.
/// </summary>
public sealed class AuthorizationSchemaVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        var roles = field.GetRoles() ?? type.GetRoles();
        if (!field.IsAuthorizationRequired() && !type.IsAuthorizationRequired())
            return;
        // A subscription is authorized once, when its stream opens; its events are then the subscriber's.
        if (field.StreamResolver is { } streamResolver)
        {
            field.StreamResolver = new SourceStreamResolver<object>(async context =>
            {
                Check(context, roles);
                return await streamResolver.ResolveAsync(context);
            });
            return;
        }
        // A field without a resolver of its own is read from its source by name; it must be checked all the same.
        var resolver = field.Resolver ?? NameFieldResolver.Instance;
        field.Resolver = new FuncFieldResolver<object>(async context =>
        {
            Check(context, roles);
            return await resolver.ResolveAsync(context);
        });
    }

    private static void Check(IResolveFieldContext context, List<string>? roles)
    {
        var user = context.RequestServices!.GetRequiredService<ICurrentUser>();
        if (!user.IsAuthenticated)
            throw GraphQLErrors.Unauthenticated(user.AuthenticationFailure);
        if (roles is { Count: > 0 } && !roles.Any(user.IsInRole))
            throw GraphQLErrors.Forbidden(roles.Count == 1
                ? $"This needs the {roles[0]} role."
                : $"This needs one of the roles {string.Join(", ", roles)}.");
    }
}

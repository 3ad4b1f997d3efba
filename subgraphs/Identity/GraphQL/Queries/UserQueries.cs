using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Loaders;
using GoShop.Identity.GraphQL.Types;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.GraphQL.Queries;

/// <summary>me, user(id) and users(...).</summary>
public static class UserQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<UserType, IDataLoaderResult<User?>>("me")
            .Description("The signed-in user. Signed-in users only.")
            .Authorize()
            .Resolve(context => context.Loader<UserByIdLoader>().Load(context.Service<ICurrentUser>().RequireId()));

        query.Field<UserType, IDataLoaderResult<User?>>("user")
            .Description("A user by id, deleted and suspended ones included (admins only); null when no user has this id.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<IdGraphType>>("id", "The user's id.")
            .Resolve(context => context.Loader<UserByIdLoader>().Load(context.GetArgument<Guid>("id")));

        query.Field<NonNullGraphType<ConnectionType<UserType, User>>, Connection<User>>("users")
            .Description("Users, newest first, deleted and suspended ones included (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<StringGraphType>("search", "Part of the email or name, ignoring case; left out or empty, every user.")
            .Argument<RoleType>("role", "Only users with this role.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var users = context.Service<IdentityDbContext>().Users.AsNoTracking();
                if (context.GetArgument<string?>("search") is { Length: > 0 } search)
                {
                    var pattern = "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                    users = users.Where(u => EF.Functions.ILike(u.Email, pattern) || EF.Functions.ILike(u.FullName, pattern));
                }
                if (context.GetArgument<string?>("role") is { } role)
                    users = users.Where(u => u.Roles.Contains(role));
                return await users.ToConnectionByIdAsync(u => u.Id, page, newestFirst: true, context.CancellationToken);
            });
    }
}

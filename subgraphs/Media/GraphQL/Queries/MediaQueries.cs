using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Media.Data;
using GoShop.Media.Domain;
using GoShop.Media.GraphQL.Loaders;
using GoShop.Media.GraphQL.Types;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Media.GraphQL.Queries;

/// <summary>media(id) and myMedia(...).</summary>
public static class MediaQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<MediaType, IDataLoaderResult<MediaFile?>>("media")
            .Description("A media file by id. Media is public: its URLs are.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => context.Loader<MediaByIdLoader>().Load(context.GetArgument<Guid>("id")));

        query.Field<NonNullGraphType<ConnectionType<MediaType, MediaFile>>, Connection<MediaFile>>("myMedia")
            .Description("The files the signed-in user uploaded, newest first.")
            .Authorize()
            .Argument<IntGraphType>("first", $"Page size, 1 to {PageRequest.MaxSize} (default {PageRequest.DefaultSize}).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async context =>
            {
                var page = PageRequest.From(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"));
                var ownerId = context.Service<ICurrentUser>().RequireId();
                return await context.Service<MediaDbContext>().MediaFiles.AsNoTracking()
                    .Where(m => m.OwnerId == ownerId)
                    .ToConnectionByIdAsync(m => m.Id, page, newestFirst: true, context.CancellationToken);
            });
    }
}

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
            .Description("A media file by id; null when none has this id (or it was deleted). Anyone may read it, signed in or not: media is " +
                "public, and so are its URLs.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The media's id.")
            .Resolve(context => context.Loader<MediaByIdLoader>().Load(context.GetArgument<Guid>("id")));

        query.Field<NonNullGraphType<ConnectionType<MediaType, MediaFile>>, Connection<MediaFile>>("myMedia")
            .Description("The files the signed-in user uploaded, newest first. Needs a signed-in user.")
            .Authorize()
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var ownerId = context.Service<ICurrentUser>().RequireId();
                return await context.Service<MediaDbContext>().MediaFiles.AsNoTracking()
                    .Where(m => m.OwnerId == ownerId)
                    .ToConnectionByIdAsync(m => m.Id, page, newestFirst: true, context.CancellationToken);
            });
    }
}

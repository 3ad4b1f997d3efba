using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Media.Domain;
using GoShop.Media.GraphQL.Loaders;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Media.GraphQL.Types;

public sealed class MediaType : ObjectGraphType<MediaFile>
{
    public MediaType()
    {
        Name = "Media";
        Description = "An uploaded image or video. Its files never change: every URL may be cached for good.";
        this.Key("id");
        this.ResolveReference<EntityKey, MediaFile>((context, reference) => context.Loader<MediaByIdLoader>().Load(reference.Id));

        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<StringGraphType>, string>("url")
            .Description("Absolute URL of the original (for images: re-encoded without metadata).")
            .Resolve(context => context.Service<MediaUrls>().Of(context.Source.Id, MediaVariants.Original));
        Field<NonNullGraphType<MediaKindType>, MediaKind>("kind").Resolve(context => context.Source.Kind);
        Field(m => m.ContentType).Description("The real type of the file, from its content: image/jpeg, image/png, image/webp or video/mp4.");
        Field<NonNullGraphType<IntGraphType>, int>("sizeBytes")
            .Description("Size of the stored original in bytes.")
            .Resolve(context => checked((int)context.Source.Original.SizeBytes));
        Field<IntGraphType, int?>("width").Description("Width of the original in pixels; null for video.").Resolve(context => context.Source.Original.Width);
        Field<IntGraphType, int?>("height").Description("Height of the original in pixels; null for video.").Resolve(context => context.Source.Original.Height);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaVariantType>>>, IEnumerable<MediaVariantView>>("variants")
            .Description("Scaled-down copies of an image, largest first (medium, thumbnail); empty for video.")
            .Resolve(context => context.Source.Variants.Select(v => new MediaVariantView(context.Source, v)));
        Field<StringGraphType, string?>("fileName")
            .Description("The name the file had on the uploader's device.")
            .Resolve(context => context.Source.OriginalFileName);
        Field<NonNullGraphType<UserType>, EntityReference<UserType>>("owner")
            .Description("Who uploaded it.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.OwnerId));
        Field(m => m.CreatedAt).Description("When it was uploaded.");
    }
}

public sealed class MediaKindType : EnumerationGraphType
{
    public MediaKindType()
    {
        Name = "MediaKind";
        Add("IMAGE", MediaKind.Image, "A JPEG, PNG or WebP image.");
        Add("VIDEO", MediaKind.Video, "An MP4 video.");
    }
}

/// <summary>A variant with the media it belongs to, for its URL.</summary>
public sealed record MediaVariantView(MediaFile Media, MediaRendition Rendition);

public sealed class MediaVariantType : ObjectGraphType<MediaVariantView>
{
    public MediaVariantType()
    {
        Name = "MediaVariant";
        Description = "A scaled-down copy of an image, with the aspect ratio of the original.";
        Field<NonNullGraphType<StringGraphType>, string>("name").Description("medium or thumbnail.").Resolve(context => context.Source.Rendition.Variant);
        Field<NonNullGraphType<StringGraphType>, string>("url").Resolve(context => context.Service<MediaUrls>().Of(context.Source.Media, context.Source.Rendition));
        Field<NonNullGraphType<IntGraphType>, int>("width").Resolve(context => context.Source.Rendition.Width ?? 0);
        Field<NonNullGraphType<IntGraphType>, int>("height").Resolve(context => context.Source.Rendition.Height ?? 0);
        Field<NonNullGraphType<StringGraphType>, string>("contentType").Resolve(context => context.Source.Rendition.ContentType);
        Field<NonNullGraphType<IntGraphType>, int>("sizeBytes").Resolve(context => checked((int)context.Source.Rendition.SizeBytes));
    }
}

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

        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Media"));
        Field<NonNullGraphType<StringGraphType>, string>("url")
            .Description("Absolute URL of the original file (for images: re-encoded without metadata). Public to anyone, no sign-in; served " +
                "with its content type, Range requests and a one-year immutable cache.")
            .Resolve(context => context.Service<MediaUrls>().Of(context.Source.Id, MediaVariants.Original));
        Field<NonNullGraphType<MediaKindType>, MediaKind>("kind").Description("IMAGE or VIDEO, from the file's content.").Resolve(context => context.Source.Kind);
        Field(m => m.ContentType).Description("The real type of the file, from its content: image/jpeg, image/png, image/webp or video/mp4.");
        Field<NonNullGraphType<IntGraphType>, int>("sizeBytes")
            .Description("Size of the stored original in bytes.")
            .Resolve(context => checked((int)context.Source.Original.SizeBytes));
        Field<IntGraphType, int?>("width").Description("Width of the original in pixels, upright (after its EXIF orientation was applied); null for video.").Resolve(context => context.Source.Original.Width);
        Field<IntGraphType, int?>("height").Description("Height of the original in pixels, upright (after its EXIF orientation was applied); null for video.").Resolve(context => context.Source.Original.Height);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaVariantType>>>, IEnumerable<MediaVariantView>>("variants")
            .Description("Scaled-down copies of an image, largest first: medium (fits within 800 x 800 pixels by default), then thumbnail " +
                "(200 x 200); never larger than the original. Empty for video.")
            .Resolve(context => context.Source.Variants.Select(v => new MediaVariantView(context.Source, v)));
        Field<StringGraphType, string?>("fileName")
            .Description("The name the file had on the uploader's device (its last path segment, at most 255 characters), for display only; " +
                "null when the upload carried none.")
            .Resolve(context => context.Source.OriginalFileName);
        Field<UserType, EntityReference<UserType>>("owner")
            .Description("The user who uploaded it. Null when identity cannot be reached.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.OwnerId));
        Field(m => m.CreatedAt).Description("When it was uploaded.");
    }
}

public sealed class MediaKindType : EnumerationGraphType
{
    public MediaKindType()
    {
        Name = "MediaKind";
        Description = "What a media file is, as recognised from its first bytes (never from its name or declared type).";
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
        Field<NonNullGraphType<StringGraphType>, string>("name")
            .Description("Which copy: medium (fits within 800 x 800 pixels by default) or thumbnail (200 x 200).").Resolve(context => context.Source.Rendition.Variant);
        Field<NonNullGraphType<StringGraphType>, string>("url")
            .Description("Absolute URL of this copy; public and cacheable for good, like the original.")
            .Resolve(context => context.Service<MediaUrls>().Of(context.Source.Media, context.Source.Rendition));
        Field<NonNullGraphType<IntGraphType>, int>("width").Description("Width in pixels.").Resolve(context => context.Source.Rendition.Width ?? 0);
        Field<NonNullGraphType<IntGraphType>, int>("height").Description("Height in pixels.").Resolve(context => context.Source.Rendition.Height ?? 0);
        Field<NonNullGraphType<StringGraphType>, string>("contentType")
            .Description("The original's type: image/jpeg, image/png or image/webp.")
            .Resolve(context => context.Source.Rendition.ContentType);
        Field<NonNullGraphType<IntGraphType>, int>("sizeBytes").Description("Size of this copy in bytes.").Resolve(context => checked((int)context.Source.Rendition.SizeBytes));
    }
}

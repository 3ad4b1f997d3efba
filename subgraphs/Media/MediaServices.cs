using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GoShop.Media.Deletion;
using GoShop.Media.GraphQL;
using GoShop.Media.GraphQL.Loaders;
using GoShop.Media.GraphQL.Mutations;
using GoShop.Media.Processing;
using GoShop.Media.Seed;
using GoShop.Media.Storage;
using GoShop.Media.Uploads;
using Microsoft.Extensions.Options;

namespace GoShop.Media;

public static class MediaServices
{
    /// <summary>Room in a multipart request for the operations and the map besides the file itself.</summary>
    private const long MultipartOverheadBytes = 1024 * 1024;

    /// <summary>The media domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddMediaServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        // The endpoint must let through the largest file media accepts.
        services.AddOptions<GraphQLHttpOptions>().Configure<IOptions<MediaOptions>>((http, media) =>
            http.MaxUploadBytes = Math.Max(http.MaxUploadBytes,
                Math.Max(media.Value.MaxImageBytes, media.Value.MaxVideoBytes) + MultipartOverheadBytes));

        if (string.Equals(configuration["Media:Storage:Provider"], "S3", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IMediaStorage, S3MediaStorage>();
        else
            services.AddSingleton<IMediaStorage, LocalDiskMediaStorage>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaUrls>();
        services.AddScoped<MediaIntake>();
        services.AddScoped<MediaDeletion>();
        services.AddScoped<MediaByIdLoader>();
        services.AddScoped<MediaMutations>();
        services.AddSingleton<DemoImageRenderer>();
        services.AddScoped<IDemoDataSeeder, MediaDemoData>();
        return builder;
    }
}

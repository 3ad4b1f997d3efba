using GoShop.Analytics.Reports;

namespace GoShop.Analytics.Exports;

public static class ExportServices
{
    /// <summary>Signed links of report exports (<c>Analytics:Exports</c>).</summary>
    public static IServiceCollection AddReportExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (string.IsNullOrEmpty(options.SigningKey) && environment.IsDevelopment())
                    options.SigningKey = ExportOptions.DevelopmentSigningKey;
            })
            .Validate(o => o.SigningKey.Length >= 16, "Analytics:Exports:SigningKey must be set (at least 16 characters) outside Development.")
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, "Analytics:Exports:UrlLifetime must be positive.")
            .Validate(o => Uri.IsWellFormedUriString(o.PublicBaseUrl, UriKind.Absolute), "Analytics:Exports:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddScoped<ShopReportExport>();
        return services;
    }

    /// <summary>
    /// <c>GET /exports/shops/{shopId}/report.csv?from=…&amp;to=…&amp;expires=…&amp;sig=…</c>: the shop's daily figures, for
    /// whoever holds a link exportShopReport signed and that has not expired (403 otherwise), as a download.
    /// </summary>
    public static WebApplication MapReportExports(this WebApplication app)
    {
        app.MapGet("/exports/shops/{shopId:guid}/report.csv", async (Guid shopId, DateOnly from, DateOnly to, string? expires, string? sig,
            ShopReportExport export, HttpResponse response, CancellationToken cancellationToken) =>
        {
            if (!export.IsValid(shopId, from, to, expires, sig))
                return Results.Problem("This export link is invalid or has expired; export the report again.", statusCode: StatusCodes.Status403Forbidden);
            var period = ReportPeriod.Check(from, to, Granularity.Day);
            if (!period.Succeeded)
                return Results.Problem(period.Error!.Message, statusCode: StatusCodes.Status400BadRequest);
            response.Headers.ContentDisposition = $"attachment; filename=\"shop-report-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv\"";
            response.Headers.CacheControl = "private, no-store";
            return Results.Text(await export.CsvAsync(shopId, period.Value!, cancellationToken), "text/csv; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}

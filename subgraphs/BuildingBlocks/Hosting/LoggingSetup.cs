using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.Hosting;

/// <summary>
/// Console logs: one JSON object a line outside Development (for the log collector), one readable line a message in
/// Development; <c>Logging:Format</c> overrides either.
/// </summary>
internal static class LoggingSetup
{
    public static void AddGoShopLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "simple" : "json");
        builder.Logging.ClearProviders();
        // Internal calls between subgraphs would log five lines each (client handlers and every retry attempt);
        // failures still show, and tracing records every call. Logging:LogLevel settings take precedence.
        if (builder.Configuration["Logging:LogLevel:System.Net.Http.HttpClient"] is null)
            builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (builder.Configuration["Logging:LogLevel:Polly"] is null)
            builder.Logging.AddFilter("Polly", LogLevel.Warning);
        if (format == "json")
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GoShop.BuildingBlocks.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics for a subgraph: HTTP in and out, PostgreSQL, GraphQL execution, MassTransit and
/// the outbox. Metrics are scraped at <c>/metrics</c> (Prometheus); traces and metrics are also pushed over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class TelemetrySetup
{
    public static void AddGoShopTelemetry(this IServiceCollection services, string subgraph, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("goshop-" + subgraph, serviceNamespace: "goshop"))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                        !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("GraphQL", "MassTransit", "GoShop.*");
                if (otlp)
                    tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("MassTransit", "Npgsql", "GoShop.*")
                    .AddPrometheusExporter();
                if (otlp)
                    metrics.AddOtlpExporter();
            });
    }

    public static void MapGoShopMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}

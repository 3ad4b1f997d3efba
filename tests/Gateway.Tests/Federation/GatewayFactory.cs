using GoShop.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>The gateway in-process (its own Program), serving a test supergraph file; settings override its defaults.</summary>
internal sealed class GatewayFactory(string supergraphPath, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseContentRoot(Path.Combine(TestEnvironment.RepositoryRoot, "gateway", "GoShop.Gateway"));
        builder.UseSetting("Gateway:Supergraph", supergraphPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(TestLogFile.Use);
    }
}

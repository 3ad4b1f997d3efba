namespace GoShop.Analytics.Exports;

/// <summary>Configuration section <c>Analytics:Exports</c>: the signed links of report exports.</summary>
public sealed class ExportOptions
{
    public const string Section = "Analytics:Exports";

    /// <summary>The key development machines share; used only in Development when <see cref="SigningKey"/> is not set.</summary>
    public const string DevelopmentSigningKey = "goshop-analytics-exports-development-key";

    /// <summary>The HMAC-SHA256 key export links are signed with (at least 16 characters). Required outside Development.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long an export link works after exportShopReport answered it.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where a browser reaches the analytics subgraph's <c>/exports</c> route (the gateway does not forward it).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8011";
}

namespace GoShop.Gateway.Transport;

/// <summary>
/// The web apps the gateway serves beside the API, on its origin (configuration section <c>Gateway:Web</c>): the
/// storefront at <c>/</c> and the seller centre at <c>/seller/</c>, built by <c>scripts/web.sh</c> into
/// <c>web/storefront/dist</c> and <c>web/seller/dist</c>. An app whose dist folder has no index.html is not served.
/// </summary>
public sealed class WebAppsOptions
{
    public const string Section = "Gateway:Web";

    public bool Enabled { get; set; } = true;

    /// <summary>The web workspace (the repository's <c>web/</c>), relative to the content root.</summary>
    public string Root { get; set; } = "../../web";
}

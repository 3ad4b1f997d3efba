namespace GoShop.Gateway.Transport;

/// <summary>Banana Cake Pop, the GraphQL IDE browsers get at the endpoint (configuration section <c>Gateway:BananaCakePop</c>).</summary>
public sealed class BananaCakePopOptions
{
    public const string Section = "Gateway:BananaCakePop";

    public bool Enabled { get; set; } = true;

    /// <summary>The IDE's npm package (installed by <c>scripts/build.sh gateway</c>), relative to the content root.</summary>
    public string Root { get; set; } = "../node_modules/@chillicream/bananacakepop-graphql-ide";

    /// <summary>The IDE's title for this endpoint.</summary>
    public string Title { get; set; } = "GoShop";
}

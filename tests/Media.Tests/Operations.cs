namespace GoShop.Media.Tests;

/// <summary>The GraphQL documents the tests send, as a frontend would.</summary>
public static class Operations
{
    public const string MediaFields =
        "id url kind contentType sizeBytes width height fileName createdAt owner { id } variants { name url width height contentType sizeBytes }";

    public const string UploadMedia =
        "mutation Upload($file: Upload!) { uploadMedia(file: $file) { media { " + MediaFields + " } userErrors { code field message } } }";

    public const string DeleteMedia =
        "mutation Delete($input: DeleteMediaInput!) { deleteMedia(input: $input) { deletedMediaId userErrors { code field message } } }";

    public const string MediaById = "query Media($id: ID!) { media(id: $id) { " + MediaFields + " } }";

    public const string MyMedia =
        "query Mine($first: Int, $after: String) { myMedia(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id fileName } } } }";

    /// <summary>How the gateway resolves a Media another subgraph points at (catalog's product gallery).</summary>
    public const string MediaEntities =
        "query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Media { id kind url width height variants { name width height } } } }";
}

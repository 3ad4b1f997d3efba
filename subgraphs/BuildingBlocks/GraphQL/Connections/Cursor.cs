using System.Buffers.Text;
using System.Text;
using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.BuildingBlocks.GraphQL.Connections;

/// <summary>
/// Opaque cursors. A cursor encodes the sort position of an edge (the sort value, then the id that breaks ties),
/// so paging is keyset-based: stable under inserts and as fast on page 1,000 as on page 1.
/// </summary>
public static class Cursor
{
    private const char Separator = '\u001f';

    public static string Encode(params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, parts)));

    public static string[] Decode(string cursor, int expectedParts)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            if (parts.Length == expectedParts)
                return parts;
        }
        catch (FormatException)
        {
        }
        throw GraphQLErrors.BadUserInput("The cursor is not one this API issued.");
    }

    public static string FromId(Guid id) => Encode(id.ToString("N"));

    public static Guid ToId(string cursor) =>
        Guid.TryParseExact(Decode(cursor, 1)[0], "N", out var id)
            ? id
            : throw GraphQLErrors.BadUserInput("The cursor is not one this API issued.");
}

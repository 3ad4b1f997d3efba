using System.Security.Cryptography;
using System.Text;

namespace GoShop.Contracts.Demo;

/// <summary>
/// Fixed, UUIDv7-shaped ids derived from a name, so demo data keeps its ids across runs and machines, and subgraphs
/// can point at each other's demo records (reviews of catalog's demo products, analytics' history of them).
/// </summary>
public static class DemoIds
{
    /// <summary>How many products catalog lists for each demo shop.</summary>
    public const int ProductsPerShop = 30;

    /// <summary>The id of the demo shop's product number <paramref name="index"/> (0 to <see cref="ProductsPerShop"/> - 1), as catalog seeds it.</summary>
    public static Guid Product(DemoShop shop, int index) => For($"product:{shop.Slug}:{index}");
    public static Guid For(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("goshop-demo:" + name))[..16];
        // A fixed 2024 timestamp prefix, then the version (7) and RFC 4122 variant bits.
        bytes[0] = 0x01;
        bytes[1] = 0x90;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

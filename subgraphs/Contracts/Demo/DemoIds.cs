using System.Security.Cryptography;
using System.Text;

namespace GoShop.Contracts.Demo;

/// <summary>
/// Fixed, UUIDv7-shaped ids derived from a name, so demo data keeps its ids across runs and machines, and subgraphs
/// can point at each other's demo records (reviews of catalog's demo products).
/// </summary>
public static class DemoIds
{
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

    /// <summary>The id of the demo product at <paramref name="index"/> (0 to 29) of the demo shop <paramref name="shopSlug"/>.</summary>
    public static Guid Product(string shopSlug, int index) => For($"product:{shopSlug}:{index}");
}

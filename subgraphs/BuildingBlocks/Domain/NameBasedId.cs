using System.Security.Cryptography;
using System.Text;

namespace GoShop.BuildingBlocks.Domain;

/// <summary>
/// An id derived from a name: the same name always gives the same id (the first 16 bytes of its SHA-256, stamped as a
/// version 8 UUID). For making a repeated request land on the record the first one made, e.g. a refund per payment and
/// idempotency key, or a reorder per buyer, order and key.
/// </summary>
public static class NameBasedId
{
    public static Guid From(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

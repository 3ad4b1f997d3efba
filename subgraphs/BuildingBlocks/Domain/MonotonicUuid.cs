using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GoShop.BuildingBlocks.Domain;

/// <summary>
/// UUIDv7 ids that strictly increase within this process, also inside one millisecond (RFC 9562, method 1: a 12-bit
/// counter in <c>rand_a</c> that starts at a random point each millisecond). <see cref="Guid.CreateVersion7()"/> is
/// random within a millisecond, so two rows written together may sort in either order; the outbox sends events in id
/// order and needs the order they were raised in.
/// </summary>
public static class MonotonicUuid
{
    private const int MaxCounter = 0xFFF;

    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    public static Guid NewV7()
    {
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        int counter;
        lock (Gate)
        {
            if (milliseconds > _lastMilliseconds)
            {
                _lastMilliseconds = milliseconds;
                // A random start in the lower half leaves room for a burst within the millisecond.
                _counter = RandomNumberGenerator.GetInt32(MaxCounter / 2);
            }
            else if (++_counter > MaxCounter)
            {
                // The counter ran out: borrow the next millisecond (the clock catches up at once).
                _lastMilliseconds++;
                _counter = 0;
            }
            milliseconds = _lastMilliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

using GoShop.BuildingBlocks.Domain;

namespace GoShop.BuildingBlocks.Tests.Domain;

/// <summary>A name always gives the same version-8 id, and two names two ids: what makes a repeated request find the first one's record.</summary>
public sealed class NameBasedIdTests
{
    [Fact]
    public void The_same_name_gives_the_same_version_8_id_and_another_name_another_id()
    {
        var first = NameBasedId.From("reorder:buyer:order:key-1");

        Assert.Equal(first, NameBasedId.From("reorder:buyer:order:key-1"));
        Assert.NotEqual(first, NameBasedId.From("reorder:buyer:order:key-2"));
        Assert.Equal(8, first.Version);
        Assert.Equal(0x80, first.ToByteArray(bigEndian: true)[8] & 0xC0);
    }

    [Fact]
    public void It_is_the_first_16_bytes_of_the_names_sha_256()
    {
        // Refund ids written before this helper existed were made this way; they must still be found.
        Assert.Equal(Guid.Parse("2cf24dba-5fb0-830e-a6e8-3b2ac5b9e29e"), NameBasedId.From("hello"));
    }
}

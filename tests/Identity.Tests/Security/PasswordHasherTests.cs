using System.Text.RegularExpressions;
using GoShop.Identity.Security;
using Microsoft.Extensions.Options;

namespace GoShop.Identity.Tests.Security;

public sealed partial class PasswordHasherTests
{
    private static readonly PasswordHasher Hasher = HasherWith(memoryKiB: 1024, iterations: 1, parallelism: 1);

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$")]
    private static partial Regex PhcString();

    [Fact]
    public void A_hash_is_a_PHC_string_carrying_its_parameters()
    {
        var hash = Hasher.Hash("Correct-horse-42");

        Assert.Matches(PhcString(), hash);
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time_and_both_verify()
    {
        var first = Hasher.Hash("Correct-horse-42");
        var second = Hasher.Hash("Correct-horse-42");

        Assert.NotEqual(first, second);
        Assert.True(Hasher.Verify("Correct-horse-42", first));
        Assert.True(Hasher.Verify("Correct-horse-42", second));
    }

    [Theory]
    [InlineData("correct-horse-42")]
    [InlineData("Correct-horse-43")]
    [InlineData("Correct-horse-42 ")]
    [InlineData("")]
    public void A_different_password_does_not_verify(string other)
    {
        var hash = Hasher.Hash("Correct-horse-42");

        Assert.False(Hasher.Verify(other, hash));
    }

    [Fact]
    public void A_hash_made_by_the_reference_implementation_verifies()
    {
        // RFC 9106 reference implementation: argon2id, "password", salt "somesalt", m=64 MiB, t=2, p=1.
        const string reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        Assert.True(Hasher.Verify("password", reference));
        Assert.False(Hasher.Verify("passwore", reference));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$m=1024,t=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1,x=2$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$!!!$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    public void Something_that_is_not_an_argon2id_hash_never_verifies_and_needs_a_rehash(string encoded)
    {
        Assert.False(Hasher.Verify("password", encoded));
        Assert.True(Hasher.NeedsRehash(encoded));
    }

    [Fact]
    public void A_hash_made_with_the_current_parameters_needs_no_rehash()
    {
        Assert.False(Hasher.NeedsRehash(Hasher.Hash("Correct-horse-42")));
    }

    [Theory]
    [InlineData(2048, 1, 1)]
    [InlineData(1024, 2, 1)]
    [InlineData(1024, 1, 2)]
    public void A_hash_needs_a_rehash_when_the_parameters_change_upwards(int memoryKiB, int iterations, int parallelism)
    {
        var old = Hasher.Hash("Correct-horse-42");
        var raised = HasherWith(memoryKiB, iterations, parallelism);

        Assert.True(raised.NeedsRehash(old));
        Assert.True(raised.Verify("Correct-horse-42", old));
        Assert.False(raised.NeedsRehash(raised.Hash("Correct-horse-42")));
    }

    [Fact]
    public void A_hash_stronger_than_the_current_parameters_is_kept()
    {
        var strong = HasherWith(2048, 2, 1).Hash("Correct-horse-42");

        Assert.False(Hasher.NeedsRehash(strong));
        Assert.True(Hasher.Verify("Correct-horse-42", strong));
    }

    private static PasswordHasher HasherWith(int memoryKiB, int iterations, int parallelism) =>
        new(Options.Create(new Argon2Options { MemoryKiB = memoryKiB, Iterations = iterations, Parallelism = parallelism }));
}

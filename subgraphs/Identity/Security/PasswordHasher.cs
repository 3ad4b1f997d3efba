using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace GoShop.Identity.Security;

/// <summary>Argon2id cost parameters (configuration section <c>Identity:Argon2</c>).</summary>
public sealed class Argon2Options
{
    /// <summary>Memory per hash in KiB; OWASP's minimum recommendation for Argon2id is 19 MiB with 2 passes.</summary>
    public int MemoryKiB { get; set; } = 19 * 1024;

    public int Iterations { get; set; } = 2;

    public int Parallelism { get; set; } = 1;
}

/// <summary>
/// Argon2id password hashes in the PHC string format (<c>$argon2id$v=19$m=..,t=..,p=..$salt$hash</c>), so the
/// parameters travel with each hash and can be raised later without breaking stored passwords.
/// </summary>
public sealed class PasswordHasher(IOptions<Argon2Options> options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly Argon2Options _options = options.Value;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, _options.MemoryKiB, _options.Iterations, _options.Parallelism, HashBytes);
        return $"$argon2id$v=19$m={_options.MemoryKiB},t={_options.Iterations},p={_options.Parallelism}$" +
               $"{Convert.ToBase64String(salt).TrimEnd('=')}${Convert.ToBase64String(hash).TrimEnd('=')}";
    }

    public bool Verify(string password, string encoded)
    {
        // Argon2 refuses an empty input, and no account can have an empty password.
        if (string.IsNullOrEmpty(password) || !TryParse(encoded, out var memory, out var iterations, out var parallelism, out var salt, out var expected))
            return false;
        var actual = Compute(password, salt, memory, iterations, parallelism, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification, so an unknown email answers as slowly as a wrong password.</summary>
    public void VerifyNothing(string password) =>
        Compute(password, new byte[SaltBytes], _options.MemoryKiB, _options.Iterations, _options.Parallelism, HashBytes);

    public bool NeedsRehash(string encoded) =>
        !TryParse(encoded, out var memory, out var iterations, out var parallelism, out _, out _)
        || memory < _options.MemoryKiB || iterations < _options.Iterations || parallelism != _options.Parallelism;

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon2 = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon2.GetBytes(length);
    }

    private static bool TryParse(string encoded, out int memory, out int iterations, out int parallelism, out byte[] salt, out byte[] hash)
    {
        memory = iterations = parallelism = 0;
        salt = hash = [];
        var parts = encoded.Split('$');
        if (parts is not ["", "argon2id", "v=19", var parameters, var saltText, var hashText])
            return false;
        foreach (var parameter in parameters.Split(','))
        {
            var pair = parameter.Split('=');
            if (pair.Length != 2 || !int.TryParse(pair[1], out var value))
                return false;
            switch (pair[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return false;
            }
        }
        try
        {
            salt = Convert.FromBase64String(Pad(saltText));
            hash = Convert.FromBase64String(Pad(hashText));
        }
        catch (FormatException)
        {
            return false;
        }
        return memory > 0 && iterations > 0 && parallelism > 0 && hash.Length > 0;
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}

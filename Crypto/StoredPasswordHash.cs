using System;

namespace TinyJwt.Crypto;

/// <summary>The parts of a stored password hash: iteration count, salt and derived key.</summary>
public readonly struct StoredPasswordHash
{
    /// <summary>Creates the parts of a stored hash.</summary>
    public StoredPasswordHash(int iterations, ReadOnlyMemory<byte> salt, ReadOnlyMemory<byte> hash)
    {
        Iterations = iterations;
        Salt = salt;
        Hash = hash;
    }

    /// <summary>Gets the PBKDF2 iteration count the hash was made with.</summary>
    public int Iterations { get; }

    /// <summary>Gets the random salt.</summary>
    public ReadOnlyMemory<byte> Salt { get; }

    /// <summary>Gets the PBKDF2-HMAC-SHA256 output.</summary>
    public ReadOnlyMemory<byte> Hash { get; }
}

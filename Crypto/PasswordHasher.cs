using System;
using System.Security.Cryptography;
using System.Text;

namespace TinyJwt.Crypto;

/// <summary>A PBKDF2-HMAC-SHA256 password hasher with a self-describing stored format.</summary>
/// <remarks>
/// A stored hash reads <c>$pbkdf2-sha256$i=600000$SALT$HASH</c>, in the style of the PHC string
/// format: SALT is 16 random bytes and HASH the 32-byte derived key, both in standard base64
/// (RFC 4648 §4) without '=' padding, as the PHC format writes them. Instances are immutable
/// and safe to share between threads.
/// </remarks>
public sealed class PasswordHasher
{
    /// <summary>
    /// The default iteration count, OWASP's Password Storage Cheat Sheet figure for
    /// PBKDF2-HMAC-SHA256.
    /// </summary>
    public const int DefaultIterations = 600_000;

    /// <summary>
    /// The largest iteration count accepted, configured or stored, so that a hostile stored hash
    /// cannot make one login run for minutes.
    /// </summary>
    public const int MaxIterations = 10 * DefaultIterations;

    /// <summary>The salt length in bytes.</summary>
    public const int SaltLength = 16;

    /// <summary>The derived key length in bytes, one SHA-256 output.</summary>
    public const int HashLength = 32;

    private const string Prefix = "$pbkdf2-sha256$i=";

    // A fixed salt for decoy hashes: the result is thrown away, only the time spent matters.
    private static readonly byte[] s_decoySalt = RandomNumberGenerator.GetBytes(SaltLength);

    /// <summary>Creates a hasher that makes new hashes with the given iteration count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The count is below 1 or above <see cref="MaxIterations"/>.
    /// </exception>
    public PasswordHasher(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        Iterations = iterations;
    }

    /// <summary>Gets the iteration count for new hashes.</summary>
    public int Iterations { get; }

    /// <summary>Hashes a password with a new random salt into the stored format.</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltLength);
        byte[] hash = DeriveKey(password, salt, Iterations);
        string stored = Format(Iterations, salt, hash);
        CryptographicOperations.ZeroMemory(hash);
        return stored;
    }

    /// <summary>Checks a password against a stored hash in constant time.</summary>
    /// <remarks>
    /// A stored hash that does not parse never matches, and costs the same time as a real check
    /// so that it does not stand out. Use <see cref="TryParse"/> to find damaged hashes.
    /// </remarks>
    public PasswordVerification Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(storedHash);
        if (!TryParse(storedHash, out StoredPasswordHash parsed))
        {
            ComputeDecoyHash(password);
            return PasswordVerification.Mismatch;
        }

        byte[] computed = DeriveKey(password, parsed.Salt.Span, parsed.Iterations);
        bool matches = CryptographicOperations.FixedTimeEquals(computed, parsed.Hash.Span);
        CryptographicOperations.ZeroMemory(computed);
        if (!matches)
        {
            return PasswordVerification.Mismatch;
        }

        // A hash made with fewer iterations than configured is rehashed on the next login.
        return parsed.Iterations < Iterations
            ? PasswordVerification.MatchNeedsUpgrade
            : PasswordVerification.Match;
    }

    /// <summary>
    /// Derives a key with the configured cost and discards it, so that a login for an unknown
    /// user takes as long as one for a known user.
    /// </summary>
    public void ComputeDecoyHash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        byte[] hash = DeriveKey(password, s_decoySalt, Iterations);
        CryptographicOperations.ZeroMemory(hash);
    }

    /// <summary>
    /// Parses a stored hash strictly; returns false for any other text, without throwing.
    /// </summary>
    public static bool TryParse(string storedHash, out StoredPasswordHash parsed)
    {
        return StoredHashFormat.TryParse(storedHash, Prefix, out parsed);
    }

    private static string Format(int iterations, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> hash)
    {
        return Prefix + iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "$" + StoredHashFormat.EncodeBase64(salt)
            + "$" + StoredHashFormat.EncodeBase64(hash);
    }

    private static byte[] DeriveKey(string password, ReadOnlySpan<byte> salt, int iterations)
    {
        // The password's UTF-8 bytes are zeroed after use, so they do not linger in memory;
        // the string itself cannot be cleared.
        byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(
                passwordBytes, salt, iterations, HashAlgorithmName.SHA256, HashLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }
}

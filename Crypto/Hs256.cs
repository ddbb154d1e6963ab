using System;
using System.Security.Cryptography;

namespace TinyJwt.Crypto;

/// <summary>
/// The HS256 JWS algorithm: HMAC with SHA-256 over the JWS signing input (RFC 7518 §3.2).
/// </summary>
public static class Hs256
{
    /// <summary>The smallest accepted key in bytes, because RFC 7518 §3.2 requires a key at least
    /// as long as the 256-bit hash output.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The length of an HS256 signature in bytes (the SHA-256 output size).</summary>
    public const int SignatureLength = HMACSHA256.HashSizeInBytes;

    /// <summary>Computes the HMAC-SHA-256 of the signing input under the key.</summary>
    /// <remarks>
    /// Accepts any key length so that published test vectors with short keys can be checked;
    /// the token issuer and verifier enforce <see cref="MinimumKeyLength"/>.
    /// </remarks>
    public static byte[] ComputeSignature(ReadOnlySpan<byte> key, ReadOnlySpan<byte> signingInput)
    {
        return HMACSHA256.HashData(key, signingInput);
    }

    /// <summary>
    /// Computes the HMAC-SHA-256 of the signing input into a 32-byte destination.
    /// </summary>
    public static void ComputeSignature(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> signingInput,
        Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(
            destination.Length,
            SignatureLength,
            nameof(destination));
        HMACSHA256.HashData(key, signingInput, destination);
    }
}

using System;
using System.Security.Cryptography;
using System.Threading;

namespace TinyJwt.Crypto;

/// <summary>
/// An HS256 key with one keyed HMAC-SHA-256 context per thread, for signing many inputs under
/// the same key.
/// </summary>
/// <remarks>
/// The result is the same as <see cref="Hs256.ComputeSignature(ReadOnlySpan{byte},
/// ReadOnlySpan{byte})"/>. A one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/> creates
/// a native context (OpenSSL on Linux) and sets the key up (hashing the padded key into the inner and outer
/// states of RFC 2104) on every call. A context kept per thread pays for that once, and
/// resetting it after each signature restores the keyed state. Instances are safe to share
/// between threads.
/// </remarks>
internal sealed class Hs256Signer
{
    private readonly byte[] _key;

    // An IncrementalHash is not thread-safe, so each thread gets its own context. A context
    // whose thread has ended is released by its finalizer.
    private readonly ThreadLocal<IncrementalHash> _contexts;

    /// <summary>Creates a signer with its own copy of the key, of any length.</summary>
    public Hs256Signer(ReadOnlySpan<byte> key)
    {
        _key = key.ToArray();
        _contexts = new ThreadLocal<IncrementalHash>(CreateContext);
    }

    /// <summary>Computes the HMAC-SHA-256 of the signing input into a 32-byte destination.</summary>
    public void ComputeSignature(ReadOnlySpan<byte> signingInput, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(
            destination.Length,
            Hs256.SignatureLength,
            nameof(destination));
        // Value is null only for a ThreadLocal made without a factory, and this one has one.
        IncrementalHash context = _contexts.Value!;
        context.AppendData(signingInput);

        // TryGetHashAndReset leaves the context keyed and empty, ready for the next input.
        context.TryGetHashAndReset(destination, out _);
    }

    private IncrementalHash CreateContext()
    {
        return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
    }
}

using System;
using System.Globalization;
using System.Text;

namespace TinyJwt.Crypto;

/// <summary>
/// An issuer of HS256 JWTs with sub, iat and exp claims, byte for byte as PyJWT writes them.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class TokenIssuer
{
    /// <summary>
    /// The longest accepted token lifetime, so that exp stays far below year 9999.
    /// </summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(36_525);

    // The JOSE header never changes, so it is encoded once. PyJWT sorts header keys, which puts
    // alg before typ, and writes no spaces.
    private static readonly string s_encodedHeader =
        Base64Url.Encode(Encoding.ASCII.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));

    // Keeps a keyed HMAC context per thread, so the key is not set up again for every token.
    private readonly Hs256Signer _signer;
    private readonly TimeProvider _timeProvider;
    private readonly long _lifetimeSeconds;

    /// <summary>Creates an issuer.</summary>
    /// <exception cref="ArgumentException">
    /// The key is shorter than 32 bytes (RFC 7518 §3.2), or the lifetime is under one second or
    /// over <see cref="MaxLifetime"/>.
    /// </exception>
    public TokenIssuer(byte[] key, TimeProvider timeProvider, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (key.Length < Hs256.MinimumKeyLength)
        {
            throw new ArgumentException(
                $"The key is {key.Length} bytes; HS256 needs at least {Hs256.MinimumKeyLength} "
                + "bytes (RFC 7518 §3.2).",
                nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        _signer = new Hs256Signer(key);
        _timeProvider = timeProvider;

        // NumericDates are whole seconds, so a fraction of a second in the lifetime is dropped.
        _lifetimeSeconds = (long)lifetime.TotalSeconds;
    }

    /// <summary>Gets the encoded JOSE header that every issued token starts with.</summary>
    public static string EncodedHeader => s_encodedHeader;

    /// <summary>Issues a signed token for the subject, valid from now for the lifetime.</summary>
    /// <exception cref="ArgumentException">
    /// The subject is empty or has an unpaired surrogate.
    /// </exception>
    public string Issue(string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        long issuedAt = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        long expirationTime = issuedAt + _lifetimeSeconds;

        string claims = FormatClaims(subject, issuedAt, expirationTime);
        string encodedPayload = Base64Url.Encode(Encoding.ASCII.GetBytes(claims));

        // RFC 7515 §5.1: sign ASCII(encoded header || '.' || encoded payload).
        string signingInput = s_encodedHeader + "." + encodedPayload;
        Span<byte> signature = stackalloc byte[Hs256.SignatureLength];
        _signer.ComputeSignature(Encoding.ASCII.GetBytes(signingInput), signature);
        string encodedSignature = Base64Url.Encode(signature);
        return signingInput + "." + encodedSignature;
    }

    /// <summary>Formats the claims as compact JSON in the order sub, iat, exp, all ASCII.</summary>
    internal static string FormatClaims(string subject, long issuedAt, long expirationTime)
    {
        var builder = new StringBuilder(capacity: 64 + subject.Length);
        builder.Append("{\"sub\":");
        PythonJsonString.Append(builder, subject);
        builder.Append(",\"iat\":");
        builder.Append(issuedAt.ToString(CultureInfo.InvariantCulture));
        builder.Append(",\"exp\":");
        builder.Append(expirationTime.ToString(CultureInfo.InvariantCulture));
        builder.Append('}');
        return builder.ToString();
    }
}

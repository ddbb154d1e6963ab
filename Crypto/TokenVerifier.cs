using System;
using System.Text;

namespace TinyJwt.Crypto;

/// <summary>
/// A verifier of HS256 JWTs that runs the RFC 7519 §7.2 and RFC 7515 §5.2 checks in order and
/// returns the first failure.
/// </summary>
/// <remarks>
/// Verify returns each rejection as a <see cref="TokenVerificationResult"/> with its
/// <see cref="TokenFailure"/> rather than throwing. Claims are read only after the signature
/// matches, and <see cref="TokenFailure.Expired"/> is reported only for a token that passed every
/// other check. There is no clock leeway. Instances are immutable and safe to share between
/// threads.
/// </remarks>
public sealed partial class TokenVerifier
{
    /// <summary>The longest accepted token in characters, checked before any decoding.</summary>
    public const int MaxTokenLength = 8192;

    // Segments up to this many characters decode into stack buffers; the longest ones,
    // bounded by MaxTokenLength, go to the heap.
    private const int StackBufferSize = 1024;

    // The signer copies the key, so a caller that changes its array cannot change ours. It keeps
    // a keyed HMAC context per thread, because setting the key up for every token made Verify
    // about 1.7 times slower in TokenBenchmarks.
    private readonly Hs256Signer? _signer;
    private readonly TimeProvider _timeProvider;

    // The parameter order differs from the public constructor's only to tell the two apart.
    private TokenVerifier(TimeProvider timeProvider, byte[]? key)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _signer = key is null ? null : new Hs256Signer(key);
        _timeProvider = timeProvider;
    }

    /// <summary>Creates a verifier for the server.</summary>
    /// <exception cref="ArgumentException">
    /// The key is shorter than 32 bytes (RFC 7518 §3.2).
    /// </exception>
    public TokenVerifier(byte[] key, TimeProvider timeProvider)
        : this(timeProvider, CheckKey(key))
    {
    }

    /// <summary>
    /// Creates a verifier for the command line that accepts a key of any length, or no key, in
    /// which case verification stops at the signature step with <see cref="TokenFailure.NoKey"/>.
    /// </summary>
    public static TokenVerifier ForInspection(byte[]? key, TimeProvider timeProvider)
    {
        return new TokenVerifier(timeProvider, key);
    }

    /// <summary>Verifies a token.</summary>
    public TokenVerificationResult Verify(ReadOnlySpan<char> token)
    {
        return Verify(token, null);
    }

    /// <summary>
    /// Verifies a token and reports each step to the observer, when one is given.
    /// </summary>
    public TokenVerificationResult Verify(ReadOnlySpan<char> token, IVerificationObserver? observer)
    {
        if (CheckLength(token, observer) is { } tooLong)
        {
            return tooLong;
        }

        if (SplitSegments(token, observer, out Range header, out Range payload, out Range signature)
            is { } wrongSegmentCount)
        {
            return wrongSegmentCount;
        }

        ReadOnlySpan<char> encodedHeader = token[header];
        Span<byte> headerBuffer = encodedHeader.Length <= StackBufferSize
            ? stackalloc byte[StackBufferSize]
            : new byte[encodedHeader.Length];
        if (DecodeHeader(encodedHeader, headerBuffer, observer, out int headerLength)
            is { } badHeader)
        {
            return badHeader;
        }

        if (CheckHeader(headerBuffer[..headerLength], observer) is { } headerFailure)
        {
            return headerFailure;
        }

        // The signing input is the token up to the second dot (RFC 7515 §5.2 step 8).
        ReadOnlySpan<char> signingInputText = token[..payload.End];
        if (CheckSignature(signingInputText, token[signature], observer) is { } signatureFailure)
        {
            return signatureFailure;
        }

        ReadOnlySpan<char> encodedPayload = token[payload];
        Span<byte> payloadBuffer = encodedPayload.Length <= StackBufferSize
            ? stackalloc byte[StackBufferSize]
            : new byte[encodedPayload.Length];
        return CheckClaims(encodedPayload, payloadBuffer, observer);
    }

    private static byte[] CheckKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < Hs256.MinimumKeyLength)
        {
            throw new ArgumentException(
                $"The key is {key.Length} bytes; HS256 needs at least {Hs256.MinimumKeyLength} "
                + "bytes (RFC 7518 §3.2).",
                nameof(key));
        }

        return key;
    }

    // Callers write observer?.OnStep(Report(...)), so without an observer neither the report
    // nor its values are built.
    private static VerificationStepReport Report(
        VerificationStep step,
        TokenFailure failure,
        string description,
        params VerificationValue[] values)
    {
        return new VerificationStepReport(step, failure, description, values);
    }

    private static VerificationValue Text(string name, string text)
    {
        return VerificationValue.FromText(name, text);
    }

    private static VerificationValue Number(string name, long number)
    {
        return VerificationValue.FromNumber(name, number);
    }

    // Shows a member's JSON text as written, or "(missing)".
    private static VerificationValue Json(string name, ReadOnlySpan<byte> json)
    {
        return VerificationValue.FromText(name, json.IsEmpty ? "(missing)" : ToDisplayText(json));
    }

    // Decodes UTF-8 for display only; invalid bytes show as U+FFFD.
    private static string ToDisplayText(ReadOnlySpan<byte> utf8)
    {
        return Encoding.UTF8.GetString(utf8);
    }
}

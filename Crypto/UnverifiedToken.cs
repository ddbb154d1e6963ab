using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TinyJwt.Crypto;

/// <summary>The decoded segments of a token whose signature and claims were not checked.</summary>
/// <remarks>
/// Security: nothing here is verified. Use it to show a token's contents, never to decide who a
/// caller is; that is <see cref="TokenVerifier"/>'s job.
/// </remarks>
public sealed class UnverifiedToken
{
    private UnverifiedToken(byte[] header, byte[] payload, byte[] signature)
    {
        Header = header;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>Gets the decoded header bytes, meant to be UTF-8 JSON.</summary>
    public byte[] Header { get; }

    /// <summary>Gets the decoded payload bytes, meant to be UTF-8 JSON.</summary>
    public byte[] Payload { get; }

    /// <summary>Gets the decoded signature bytes.</summary>
    public byte[] Signature { get; }

    /// <summary>Gets the header as text, with invalid UTF-8 shown as U+FFFD.</summary>
    public string HeaderText => Encoding.UTF8.GetString(Header);

    /// <summary>Gets the payload as text, with invalid UTF-8 shown as U+FFFD.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload);

    /// <summary>
    /// Splits a token into three segments and base64url-decodes each with the verifier's rules,
    /// without checking the signature or parsing the JSON.
    /// </summary>
    /// <returns>
    /// False with <see cref="TokenFailure.TooLong"/>, <see cref="TokenFailure.WrongSegmentCount"/>
    /// or <see cref="TokenFailure.InvalidBase64Url"/> when the token cannot be decoded.
    /// </returns>
    public static bool TryDecode(
        ReadOnlySpan<char> token,
        [NotNullWhen(true)] out UnverifiedToken? decoded,
        out TokenFailure failure)
    {
        decoded = null;
        if (token.Length > TokenVerifier.MaxTokenLength)
        {
            failure = TokenFailure.TooLong;
            return false;
        }

        bool isCompact = CompactSerialization.TrySplit(
            token, out Range header, out Range payload, out Range signature);
        if (!isCompact)
        {
            failure = TokenFailure.WrongSegmentCount;
            return false;
        }

        if (!Base64Url.TryDecode(token[header], out byte[]? headerBytes)
            || !Base64Url.TryDecode(token[payload], out byte[]? payloadBytes)
            || !Base64Url.TryDecode(token[signature], out byte[]? signatureBytes))
        {
            failure = TokenFailure.InvalidBase64Url;
            return false;
        }

        decoded = new UnverifiedToken(headerBytes, payloadBytes, signatureBytes);
        failure = TokenFailure.None;
        return true;
    }
}

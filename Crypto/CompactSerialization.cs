using System;

namespace TinyJwt.Crypto;

/// <summary>
/// Splits a JWS compact serialization into its three base64url segments (RFC 7515 §7.1).
/// </summary>
internal static class CompactSerialization
{
    /// <summary>Counts the dot-separated segments of a token.</summary>
    public static int CountSegments(ReadOnlySpan<char> token)
    {
        return token.Count('.') + 1;
    }

    /// <summary>
    /// Finds the header, payload and signature segments, or returns false when the token does not
    /// have exactly two dots. Segments may be empty; the decode steps reject those.
    /// </summary>
    public static bool TrySplit(
        ReadOnlySpan<char> token,
        out Range encodedHeader,
        out Range encodedPayload,
        out Range encodedSignature)
    {
        encodedHeader = default;
        encodedPayload = default;
        encodedSignature = default;
        if (CountSegments(token) != 3)
        {
            return false;
        }

        int firstDot = token.IndexOf('.');
        int secondDot = firstDot + 1 + token[(firstDot + 1)..].IndexOf('.');
        encodedHeader = new Range(0, firstDot);
        encodedPayload = new Range(firstDot + 1, secondDot);
        encodedSignature = new Range(secondDot + 1, token.Length);
        return true;
    }
}

using System;
using System.Collections.Generic;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

// The attacks on the signature segment and on the number of segments.
internal static partial class TamperAttacks
{
    private static void AddSignatureAttacks(
        List<TamperAttack> attacks,
        string encodedHeader,
        string encodedPayload,
        string signature)
    {
        string signingInput = $"{encodedHeader}.{encodedPayload}";
        const string ShortCompareExploit =
            "comparison over the received signature's length only, so an empty or short one " +
            "matches (CVE-2020-28042, ServiceStack 5.9.1 and earlier)";
        attacks.Add(new TamperAttack(
            "signature removed",
            ShortCompareExploit,
            TokenFailure.SignatureMismatch,
            signingInput + "."));

        // The first 16 of the 32 HMAC-SHA-256 bytes, encoded again so the segment stays canonical.
        Base64Url.TryDecode(signature, out byte[]? signatureBytes);
        byte[] fullSignature = signatureBytes ?? [];
        byte[] truncated = fullSignature.AsSpan(0, Math.Min(16, fullSignature.Length)).ToArray();
        attacks.Add(new TamperAttack(
            "signature truncated to 16 bytes",
            ShortCompareExploit,
            TokenFailure.SignatureMismatch,
            $"{signingInput}.{Base64Url.Encode(truncated)}"));

        attacks.Add(new TamperAttack(
            "signature padded with '='",
            "lenient base64 decoding, so one signature has many spellings and a token " +
            "blocklist keyed on the string misses them; RFC 7515 §2 forbids padding",
            TokenFailure.SignatureMismatch,
            $"{signingInput}.{signature}="));

        string? nonCanonical = WithNonCanonicalLastCharacter(signature);
        if (nonCanonical is not null)
        {
            attacks.Add(new TamperAttack(
                "signature's unused last bits set",
                "decoders that ignore the unused low bits of the last character make " +
                "signatures malleable (jwt-go issue 215, 2017); RFC 4648 §3.5",
                TokenFailure.InvalidBase64Url,
                $"{signingInput}.{nonCanonical}"));
        }

        if (signature.Contains('-') || signature.Contains('_'))
        {
            string standardAlphabet = signature.Replace('-', '+').Replace('_', '/');
            attacks.Add(new TamperAttack(
                "signature in the base64 alphabet (+ /)",
                "decoders that accept both alphabets give one signature two spellings; " +
                "JWS uses base64url only (RFC 7515 §2, RFC 4648 §5)",
                TokenFailure.InvalidBase64Url,
                $"{signingInput}.{standardAlphabet}"));
        }
    }

    private static void AddShapeAttacks(
        List<TamperAttack> attacks,
        string encodedHeader,
        string encodedPayload,
        string signature)
    {
        attacks.Add(new TamperAttack(
            "extra fourth segment",
            "splitting on '.' and ignoring the rest; a JWS in compact form has exactly " +
            "three parts (RFC 7515 §7.1) and a JWE five",
            TokenFailure.WrongSegmentCount,
            $"{encodedHeader}.{encodedPayload}.{signature}.{signature}"));
        attacks.Add(new TamperAttack(
            "signature segment missing",
            "a two-part token read as header and claims with nothing to check (CWE-347); " +
            "RFC 7515 §7.1",
            TokenFailure.WrongSegmentCount,
            $"{encodedHeader}.{encodedPayload}"));
    }

    // Sets the lowest unused bit of the last character: the same bytes to a lenient decoder,
    // a different string to everyone. Null when the length leaves no unused bits.
    private static string? WithNonCanonicalLastCharacter(string segment)
    {
        int unusedBits = (segment.Length % 4) switch
        {
            2 => 4,
            3 => 2,
            _ => 0,
        };
        if (unusedBits == 0)
        {
            return null;
        }

        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int lastValue = Alphabet.IndexOf(segment[^1]);
        char changed = Alphabet[lastValue | 1];
        return segment[..^1] + changed;
    }
}

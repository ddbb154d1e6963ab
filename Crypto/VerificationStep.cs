namespace TinyJwt.Crypto;

/// <summary>A step of token verification, listed in the order the verifier runs them.</summary>
/// <remarks>
/// The order follows RFC 7519 §7.2 and RFC 7515 §5.2: nothing in the claims is read before the
/// signature step passes. Expiry is checked last among the claims, so a token that is expired and
/// also broken in another way reports the other failure.
/// </remarks>
public enum VerificationStep
{
    /// <summary>Reject a token longer than the limit before decoding anything.</summary>
    CheckLength,

    /// <summary>Split the compact serialization at its dots into exactly three segments.</summary>
    SplitSegments,

    /// <summary>Base64url-decode the first segment into the header bytes.</summary>
    DecodeHeader,

    /// <summary>Parse the header bytes as a UTF-8 JSON object without duplicate members.</summary>
    ParseHeader,

    /// <summary>Require the header's alg to be exactly HS256.</summary>
    CheckAlgorithm,

    /// <summary>Reject the crit and b64 header parameters.</summary>
    CheckCritical,

    /// <summary>Require the header's kid, when present, to be a string.</summary>
    CheckKeyId,

    /// <summary>Base64url-decode the third segment into the 32 signature bytes.</summary>
    DecodeSignature,

    /// <summary>Take the ASCII bytes of the first two segments and the dot between them.</summary>
    BuildSigningInput,

    /// <summary>Compute HMAC-SHA-256 of the signing input under the key.</summary>
    ComputeSignature,

    /// <summary>Compare the computed HMAC with the token's signature in constant time.</summary>
    CompareSignature,

    /// <summary>Base64url-decode the second segment into the payload bytes.</summary>
    DecodeClaims,

    /// <summary>Parse the payload as a UTF-8 JSON object without duplicate members.</summary>
    ParseClaims,

    /// <summary>
    /// Require exp, and require exp, nbf and iat to be NumericDate values when present.
    /// </summary>
    CheckTimeClaims,

    /// <summary>Reject a token with an aud claim, because this server is no audience.</summary>
    CheckAudience,

    /// <summary>Require sub to be a non-empty string.</summary>
    CheckSubject,

    /// <summary>Reject a token whose nbf is after the current time.</summary>
    CheckNotBefore,

    /// <summary>Reject a token whose iat is after the current time.</summary>
    CheckIssuedAt,

    /// <summary>Reject a token whose exp is on or before the current time.</summary>
    CheckExpiration,
}

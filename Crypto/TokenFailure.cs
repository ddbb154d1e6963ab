namespace TinyJwt.Crypto;

/// <summary>The reason a token failed verification, one value per verification step.</summary>
public enum TokenFailure
{
    /// <summary>No failure: the token is valid.</summary>
    None,

    /// <summary>
    /// The token is longer than <see cref="TokenVerifier.MaxTokenLength"/> characters.
    /// </summary>
    TooLong,

    /// <summary>The token does not have exactly three dot-separated segments.</summary>
    WrongSegmentCount,

    /// <summary>A segment is not canonical unpadded base64url.</summary>
    InvalidBase64Url,

    /// <summary>The header is not a UTF-8 JSON object.</summary>
    InvalidHeader,

    /// <summary>The header's alg is missing, not a string, or not exactly HS256.</summary>
    UnsupportedAlgorithm,

    /// <summary>
    /// The header has a crit or b64 member, which this verifier does not support.
    /// </summary>
    CriticalHeader,

    /// <summary>The header's kid is present but not a string.</summary>
    InvalidKeyId,

    /// <summary>The signature is not the HMAC-SHA-256 of the signing input under the key.</summary>
    SignatureMismatch,

    /// <summary>The payload is not a UTF-8 JSON object.</summary>
    InvalidClaims,

    /// <summary>The header or the claims repeat a member name in one JSON object.</summary>
    DuplicateMember,

    /// <summary>The claims have no exp.</summary>
    MissingExpiration,

    /// <summary>An exp, nbf or iat is not a JSON number between 0 and 253402300799.</summary>
    InvalidTimeClaim,

    /// <summary>The current time is on or after exp.</summary>
    Expired,

    /// <summary>The current time is before nbf.</summary>
    NotYetValid,

    /// <summary>The iat is after the current time.</summary>
    IssuedInFuture,

    /// <summary>The claims have an aud, and this server is no audience.</summary>
    AudienceNotAccepted,

    /// <summary>The claims have no sub, or a sub that is not a non-empty string.</summary>
    MissingSubject,

    /// <summary>Verification stopped at the signature because no key was given.</summary>
    NoKey,
}

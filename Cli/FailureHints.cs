using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// What a correct token has at the step where a token failed, for <c>tinyjwt explain</c>.
/// </summary>
internal static class FailureHints
{
    /// <summary>
    /// Describes what a correct token has where this failure was found, as the end of the
    /// sentence "A correct token has …".
    /// </summary>
    public static string Describe(TokenFailure failure)
    {
        return failure switch
        {
            TokenFailure.TooLong =>
                $"at most {TokenVerifier.MaxTokenLength} characters; a TinyJwt token is " +
                "about 150.",
            TokenFailure.WrongSegmentCount =>
                "three base64url segments joined by two dots: header.payload.signature " +
                "(JWS Compact Serialization, RFC 7515 §7.1).",
            TokenFailure.InvalidBase64Url =>
                "only the characters A-Z a-z 0-9 - _, no '=' padding, and zero unused bits " +
                "in the last character of each segment (RFC 4648 §5, RFC 7515 §2).",
            TokenFailure.InvalidHeader =>
                "a UTF-8 JSON object as its header, such as {\"alg\":\"HS256\",\"typ\":\"JWT\"}.",
            TokenFailure.UnsupportedAlgorithm =>
                "\"alg\":\"HS256\" exactly; \"none\" and every other algorithm are rejected " +
                "because the verifier, not the token, picks the algorithm (RFC 8725 §3.1).",
            TokenFailure.CriticalHeader =>
                "no \"crit\" or \"b64\" header parameter, because this verifier supports no " +
                "extensions and must reject the ones marked critical (RFC 7515 §4.1.11).",
            TokenFailure.InvalidKeyId =>
                "a \"kid\" that is a string, or no \"kid\" at all (RFC 7515 §4.1.4).",
            TokenFailure.SignatureMismatch =>
                "the HMAC-SHA-256 of its signing input under this key, shown as the computed " +
                "HMAC above; a different key or any change to the first two segments " +
                "changes it.",
            TokenFailure.InvalidClaims =>
                "a UTF-8 JSON object of claims, such as " +
                "{\"sub\":\"Romel\",\"iat\":…,\"exp\":…}.",
            TokenFailure.DuplicateMember =>
                "each member name once per JSON object, because parsers disagree on which " +
                "duplicate wins (RFC 7519 §4).",
            TokenFailure.MissingExpiration =>
                "an \"exp\" claim: the NumericDate on or after which the token is rejected.",
            TokenFailure.InvalidTimeClaim =>
                "\"exp\", \"nbf\" and \"iat\" as JSON numbers of seconds since " +
                "1970-01-01T00:00:00Z, at most 253402300799, never strings or booleans.",
            TokenFailure.Expired =>
                "an \"exp\" later than now; the server issues a new token at POST /login.",
            TokenFailure.NotYetValid =>
                "an \"nbf\" at or before now; the token is accepted from that time on.",
            TokenFailure.IssuedInFuture =>
                "an \"iat\" at or before now, because a token cannot be issued in the future.",
            TokenFailure.AudienceNotAccepted =>
                "no \"aud\" claim, because this server is not the audience of any token " +
                "(RFC 7519 §4.1.3).",
            TokenFailure.MissingSubject =>
                "a \"sub\" claim that is a non-empty string: the user name.",
            _ => "a value that passes this check.",
        };
    }
}

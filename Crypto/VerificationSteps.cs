namespace TinyJwt.Crypto;

/// <summary>
/// Titles and RFC sources of the verification steps, for printing a walk-through.
/// </summary>
public static class VerificationSteps
{
    /// <summary>
    /// Gets a short imperative title for a step, such as "Split into three segments".
    /// </summary>
    public static string GetTitle(VerificationStep step)
    {
        return step switch
        {
            VerificationStep.CheckLength => "Check the token length",
            VerificationStep.SplitSegments => "Split into three segments",
            VerificationStep.DecodeHeader => "Decode the header",
            VerificationStep.ParseHeader => "Parse the header as a JSON object",
            VerificationStep.CheckAlgorithm => "Check alg is HS256",
            VerificationStep.CheckCritical => "Reject crit and b64",
            VerificationStep.CheckKeyId => "Check kid is a string",
            VerificationStep.DecodeSignature => "Decode the signature",
            VerificationStep.BuildSigningInput => "Build the signing input",
            VerificationStep.ComputeSignature => "Compute HMAC-SHA-256",
            VerificationStep.CompareSignature => "Compare signatures in constant time",
            VerificationStep.DecodeClaims => "Decode the payload",
            VerificationStep.ParseClaims => "Parse the claims as a JSON object",
            VerificationStep.CheckTimeClaims => "Check exp, nbf and iat are NumericDates",
            VerificationStep.CheckAudience => "Reject aud",
            VerificationStep.CheckSubject => "Check sub is a non-empty string",
            VerificationStep.CheckNotBefore => "Check nbf",
            VerificationStep.CheckIssuedAt => "Check iat",
            VerificationStep.CheckExpiration => "Check exp",
            _ => step.ToString(),
        };
    }

    /// <summary>
    /// Gets the specification section that a step implements, such as "RFC 7515 §7.1".
    /// </summary>
    public static string GetSource(VerificationStep step)
    {
        return step switch
        {
            VerificationStep.CheckLength => "TinyJwt limit, before RFC 7519 §7.2",
            VerificationStep.SplitSegments => "RFC 7515 §7.1",
            VerificationStep.DecodeHeader => "RFC 7519 §7.2 step 3",
            VerificationStep.ParseHeader => "RFC 7519 §7.2 step 4, RFC 7515 §4",
            VerificationStep.CheckAlgorithm => "RFC 7515 §4.1.1, RFC 8725 §3.1",
            VerificationStep.CheckCritical => "RFC 7515 §4.1.11, RFC 7797 §3",
            VerificationStep.CheckKeyId => "RFC 7515 §4.1.4",
            VerificationStep.DecodeSignature => "RFC 7515 §5.2 step 7",
            VerificationStep.BuildSigningInput => "RFC 7515 §5.2 step 8",
            VerificationStep.ComputeSignature => "RFC 7518 §3.2",
            VerificationStep.CompareSignature => "RFC 7518 §3.2",
            VerificationStep.DecodeClaims => "RFC 7519 §7.2 step 7",
            VerificationStep.ParseClaims => "RFC 7519 §7.2 step 10, RFC 7519 §4",
            VerificationStep.CheckTimeClaims => "RFC 7519 §2 (NumericDate), §4.1.4",
            VerificationStep.CheckAudience => "RFC 7519 §4.1.3",
            VerificationStep.CheckSubject => "RFC 7519 §4.1.2",
            VerificationStep.CheckNotBefore => "RFC 7519 §4.1.5",
            VerificationStep.CheckIssuedAt => "RFC 7519 §4.1.6",
            VerificationStep.CheckExpiration => "RFC 7519 §4.1.4",
            _ => string.Empty,
        };
    }
}

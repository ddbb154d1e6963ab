using System;

namespace TinyJwt.Crypto;

// The steps that check the registered claims (RFC 7519 §4.1).
public sealed partial class TokenVerifier
{
    private static TokenVerificationResult? CheckTimeClaims(
        JwtClaims claims,
        IVerificationObserver? observer)
    {
        // exp is optional in RFC 7519 §4.1.4, but a token without it would never expire.
        if (!claims.Expiration.IsPresent)
        {
            string description = "The claims have no exp.";
            observer?.OnStep(Report(
                VerificationStep.CheckTimeClaims, TokenFailure.MissingExpiration, description,
                Json("exp", claims.Expiration.Json)));
            return TokenVerificationResult.Fail(TokenFailure.MissingExpiration, description);
        }

        // A NumericDate is a JSON number of seconds (RFC 7519 §2); strings and booleans are not.
        bool allValid = claims.Expiration.IsValid
            && (!claims.NotBefore.IsPresent || claims.NotBefore.IsValid)
            && (!claims.IssuedAt.IsPresent || claims.IssuedAt.IsValid);
        if (!allValid)
        {
            string description = "The exp, nbf or iat claim is not a number from 0 to "
                + $"{NumericDateClaim.MaxSeconds}.";
            observer?.OnStep(Report(
                VerificationStep.CheckTimeClaims, TokenFailure.InvalidTimeClaim, description,
                Json("exp", claims.Expiration.Json), Json("nbf", claims.NotBefore.Json),
                Json("iat", claims.IssuedAt.Json)));
            return TokenVerificationResult.Fail(TokenFailure.InvalidTimeClaim, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckTimeClaims, TokenFailure.None,
            "The time claims are NumericDates.",
            Json("exp", claims.Expiration.Json), Json("nbf", claims.NotBefore.Json),
            Json("iat", claims.IssuedAt.Json)));
        return null;
    }

    private static TokenVerificationResult? CheckAudience(
        JwtClaims claims,
        IVerificationObserver? observer)
    {
        // A principal that does not identify itself with a present aud must reject the token
        // (RFC 7519 §4.1.3). This server names no audience, so any aud is rejected.
        if (!claims.AudienceJson.IsEmpty)
        {
            string description = "The claims have an aud, and this server is no audience.";
            observer?.OnStep(Report(
                VerificationStep.CheckAudience, TokenFailure.AudienceNotAccepted, description,
                Json("aud", claims.AudienceJson)));
            return TokenVerificationResult.Fail(TokenFailure.AudienceNotAccepted, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckAudience, TokenFailure.None, "The claims have no aud.",
            Json("aud", claims.AudienceJson)));
        return null;
    }

    private static TokenVerificationResult? CheckSubject(
        JwtClaims claims,
        IVerificationObserver? observer)
    {
        // sub identifies the user (RFC 7519 §4.1.2), and the server returns it from /get-jwt.
        if (string.IsNullOrEmpty(claims.Subject))
        {
            string description = claims.SubjectJson.IsEmpty
                ? "The claims have no sub."
                : "The claims' sub is not a non-empty string.";
            observer?.OnStep(Report(
                VerificationStep.CheckSubject, TokenFailure.MissingSubject, description,
                Json("sub", claims.SubjectJson)));
            return TokenVerificationResult.Fail(TokenFailure.MissingSubject, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckSubject, TokenFailure.None,
            "The claims' sub is a non-empty string.",
            Json("sub", claims.SubjectJson)));
        return null;
    }

    private static TokenVerificationResult? CheckNotBefore(
        JwtClaims claims,
        long now,
        IVerificationObserver? observer)
    {
        // The token must not be accepted before nbf (RFC 7519 §4.1.5).
        if (claims.NotBefore.IsPresent && now < claims.NotBefore.Seconds)
        {
            string description = "The current time is before nbf.";
            observer?.OnStep(Report(
                VerificationStep.CheckNotBefore, TokenFailure.NotYetValid, description,
                Number("nbf", claims.NotBefore.Seconds), Number("now", now)));
            return TokenVerificationResult.Fail(TokenFailure.NotYetValid, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckNotBefore, TokenFailure.None, "The token is not before nbf.",
            Json("nbf", claims.NotBefore.Json), Number("now", now)));
        return null;
    }

    private static TokenVerificationResult? CheckIssuedAt(
        JwtClaims claims,
        long now,
        IVerificationObserver? observer)
    {
        // iat records when the token was issued (RFC 7519 §4.1.6); one from the future was not
        // issued by this server's clock.
        if (claims.IssuedAt.IsPresent && claims.IssuedAt.Seconds > now)
        {
            string description = "The iat is after the current time.";
            observer?.OnStep(Report(
                VerificationStep.CheckIssuedAt, TokenFailure.IssuedInFuture, description,
                Number("iat", claims.IssuedAt.Seconds), Number("now", now)));
            return TokenVerificationResult.Fail(TokenFailure.IssuedInFuture, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckIssuedAt, TokenFailure.None, "The iat is not in the future.",
            Json("iat", claims.IssuedAt.Json), Number("now", now)));
        return null;
    }

    private static TokenVerificationResult? CheckExpiration(
        JwtClaims claims,
        long now,
        IVerificationObserver? observer)
    {
        // The token must not be accepted on or after exp (RFC 7519 §4.1.4).
        if (now >= claims.Expiration.Seconds)
        {
            string description = "The token expired: the current time is on or after exp.";
            observer?.OnStep(Report(
                VerificationStep.CheckExpiration, TokenFailure.Expired, description,
                Number("exp", claims.Expiration.Seconds), Number("now", now)));
            return TokenVerificationResult.Fail(TokenFailure.Expired, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckExpiration, TokenFailure.None, "The token has not expired.",
            Number("exp", claims.Expiration.Seconds), Number("now", now)));
        return null;
    }
}

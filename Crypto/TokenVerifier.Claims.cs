using System;

namespace TinyJwt.Crypto;

// The steps that check the claims, run only after the signature matched.
public sealed partial class TokenVerifier
{
    private TokenVerificationResult CheckClaims(
        ReadOnlySpan<char> encodedPayload,
        Span<byte> payloadBuffer,
        IVerificationObserver? observer)
    {
        if (DecodeClaims(encodedPayload, payloadBuffer, observer, out int payloadLength)
            is { } badPayload)
        {
            return badPayload;
        }

        ReadOnlySpan<byte> payload = payloadBuffer[..payloadLength];
        if (ParseClaims(payload, observer) is { } invalidClaims)
        {
            return invalidClaims;
        }

        JwtClaims claims = JwtClaims.Read(payload);
        if (CheckTimeClaims(claims, observer) is { } badTime)
        {
            return badTime;
        }

        if (CheckAudience(claims, observer) is { } audience)
        {
            return audience;
        }

        if (CheckSubject(claims, observer) is { } noSubject)
        {
            return noSubject;
        }

        // Whole seconds, as the claims are compared in whole seconds. There is no leeway.
        long now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (CheckNotBefore(claims, now, observer) is { } notYetValid)
        {
            return notYetValid;
        }

        if (CheckIssuedAt(claims, now, observer) is { } issuedInFuture)
        {
            return issuedInFuture;
        }

        // Expiry is last, so "expired" is reported only for a token that passed every other check.
        if (CheckExpiration(claims, now, observer) is { } expired)
        {
            return expired;
        }

        // CheckSubject returned null only for a non-empty string, so Subject is set.
        return TokenVerificationResult.Success(claims.Subject!);
    }

    private static TokenVerificationResult? DecodeClaims(
        ReadOnlySpan<char> encodedPayload,
        Span<byte> destination,
        IVerificationObserver? observer,
        out int payloadLength)
    {
        // Same base64url rules as the header (RFC 7519 §7.2 step 7).
        if (!Base64Url.TryDecode(encodedPayload, destination, out payloadLength))
        {
            string description = "The payload segment is not canonical base64url.";
            observer?.OnStep(Report(
                VerificationStep.DecodeClaims, TokenFailure.InvalidBase64Url, description,
                Text("encoded payload", encodedPayload.ToString())));
            return TokenVerificationResult.Fail(TokenFailure.InvalidBase64Url, description);
        }

        observer?.OnStep(Report(
            VerificationStep.DecodeClaims, TokenFailure.None, "The payload segment decoded.",
            Text("encoded payload", encodedPayload.ToString()),
            Text("payload", ToDisplayText(destination[..payloadLength]))));
        return null;
    }

    private static TokenVerificationResult? ParseClaims(
        ReadOnlySpan<byte> payload,
        IVerificationObserver? observer)
    {
        // The claims must be a UTF-8 JSON object (RFC 7519 §7.2 step 10) with unique claim
        // names (RFC 7519 §4).
        JsonObjectCheck check = StrictJson.CheckObject(payload);
        if (check != JsonObjectCheck.Valid)
        {
            TokenFailure failure = check == JsonObjectCheck.DuplicateMember
                ? TokenFailure.DuplicateMember
                : TokenFailure.InvalidClaims;
            string description = DescribeJsonCheck("payload", check);
            observer?.OnStep(Report(
                VerificationStep.ParseClaims, failure, description,
                Text("payload", ToDisplayText(payload))));
            return TokenVerificationResult.Fail(failure, description);
        }

        observer?.OnStep(Report(
            VerificationStep.ParseClaims, TokenFailure.None, "The payload is a JSON object.",
            Text("payload", ToDisplayText(payload))));
        return null;
    }
}

using System;

namespace TinyJwt.Crypto;

// The steps that read the compact serialization: length, segments and base64url.
public sealed partial class TokenVerifier
{
    private static TokenVerificationResult? CheckLength(
        ReadOnlySpan<char> token,
        IVerificationObserver? observer)
    {
        // A cap before decoding keeps the cost of a hostile token small; RFC 7519 sets no limit.
        if (token.Length > MaxTokenLength)
        {
            string description = $"The token is longer than {MaxTokenLength} characters.";
            observer?.OnStep(Report(
                VerificationStep.CheckLength, TokenFailure.TooLong, description,
                Number("length", token.Length), Number("maximum", MaxTokenLength)));
            return TokenVerificationResult.Fail(TokenFailure.TooLong, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckLength, TokenFailure.None,
            "The token length is within the limit.",
            Number("length", token.Length), Number("maximum", MaxTokenLength)));
        return null;
    }

    private static TokenVerificationResult? SplitSegments(
        ReadOnlySpan<char> token,
        IVerificationObserver? observer,
        out Range encodedHeader,
        out Range encodedPayload,
        out Range encodedSignature)
    {
        // A JWS in compact serialization is exactly header.payload.signature (RFC 7515 §7.1).
        bool isCompact = CompactSerialization.TrySplit(
            token, out encodedHeader, out encodedPayload, out encodedSignature);
        if (!isCompact)
        {
            string description = "The token does not have exactly three segments.";
            observer?.OnStep(Report(
                VerificationStep.SplitSegments, TokenFailure.WrongSegmentCount, description,
                Number("segments", CompactSerialization.CountSegments(token))));
            return TokenVerificationResult.Fail(TokenFailure.WrongSegmentCount, description);
        }

        observer?.OnStep(Report(
            VerificationStep.SplitSegments, TokenFailure.None, "The token has three segments.",
            Number("header length", token[encodedHeader].Length),
            Number("payload length", token[encodedPayload].Length),
            Number("signature length", token[encodedSignature].Length)));
        return null;
    }

    private static TokenVerificationResult? DecodeHeader(
        ReadOnlySpan<char> encodedHeader,
        Span<byte> destination,
        IVerificationObserver? observer,
        out int headerLength)
    {
        // Base64url without padding, line breaks or other characters (RFC 7519 §7.2 step 3).
        if (!Base64Url.TryDecode(encodedHeader, destination, out headerLength))
        {
            string description = "The header segment is not canonical base64url.";
            observer?.OnStep(Report(
                VerificationStep.DecodeHeader, TokenFailure.InvalidBase64Url, description,
                Text("encoded header", encodedHeader.ToString())));
            return TokenVerificationResult.Fail(TokenFailure.InvalidBase64Url, description);
        }

        observer?.OnStep(Report(
            VerificationStep.DecodeHeader, TokenFailure.None, "The header segment decoded.",
            Text("encoded header", encodedHeader.ToString()),
            Text("header", ToDisplayText(destination[..headerLength]))));
        return null;
    }
}

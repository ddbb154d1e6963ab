using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace TinyJwt.Crypto;

// The steps that check the signature, before any claim is read.
public sealed partial class TokenVerifier
{
    private TokenVerificationResult? CheckSignature(
        ReadOnlySpan<char> signingInputText,
        ReadOnlySpan<char> encodedSignature,
        IVerificationObserver? observer)
    {
        // Both signatures are exactly 32 bytes, so they live on the stack.
        Span<byte> signature = stackalloc byte[Hs256.SignatureLength];
        if (DecodeSignature(encodedSignature, signature, observer) is { } badSignature)
        {
            return badSignature;
        }

        Span<byte> signingInput = signingInputText.Length <= StackBufferSize
            ? stackalloc byte[StackBufferSize]
            : new byte[signingInputText.Length];
        if (BuildSigningInput(signingInputText, signingInput, observer) is { } notAscii)
        {
            return notAscii;
        }

        signingInput = signingInput[..signingInputText.Length];
        Span<byte> computedSignature = stackalloc byte[Hs256.SignatureLength];
        if (ComputeSignature(signingInput, computedSignature, observer) is { } noKey)
        {
            return noKey;
        }

        return CompareSignature(computedSignature, signature, observer);
    }

    private static TokenVerificationResult? DecodeSignature(
        ReadOnlySpan<char> encodedSignature,
        Span<byte> signature,
        IVerificationObserver? observer)
    {
        // An HS256 signature is 32 bytes, which is 43 base64url characters (RFC 7518 §3.2).
        int expectedLength = Base64Url.GetEncodedLength(Hs256.SignatureLength);
        if (encodedSignature.Length != expectedLength)
        {
            string description = $"The signature segment is not {expectedLength} characters long.";
            observer?.OnStep(Report(
                VerificationStep.DecodeSignature, TokenFailure.SignatureMismatch, description,
                Number("signature length", encodedSignature.Length),
                Number("expected length", expectedLength)));
            return TokenVerificationResult.Fail(TokenFailure.SignatureMismatch, description);
        }

        if (!Base64Url.TryDecode(encodedSignature, signature, out _))
        {
            string description = "The signature segment is not canonical base64url.";
            observer?.OnStep(Report(
                VerificationStep.DecodeSignature, TokenFailure.InvalidBase64Url, description,
                Text("encoded signature", encodedSignature.ToString())));
            return TokenVerificationResult.Fail(TokenFailure.InvalidBase64Url, description);
        }

        observer?.OnStep(Report(
            VerificationStep.DecodeSignature, TokenFailure.None, "The signature segment decoded.",
            Text("encoded signature", encodedSignature.ToString()),
            VerificationValue.FromBytes("signature", signature)));
        return null;
    }

    private static TokenVerificationResult? BuildSigningInput(
        ReadOnlySpan<char> signingInputText,
        Span<byte> signingInput,
        IVerificationObserver? observer)
    {
        // The signing input is ASCII(encoded header || '.' || encoded payload) (RFC 7515 §5.2).
        // A non-ASCII character cannot be base64url, and must not turn into '?' silently.
        OperationStatus status = Ascii.FromUtf16(signingInputText, signingInput, out _);
        if (status != OperationStatus.Done)
        {
            string description = "The payload segment has a character that is not ASCII.";
            observer?.OnStep(Report(
                VerificationStep.BuildSigningInput, TokenFailure.InvalidBase64Url, description));
            return TokenVerificationResult.Fail(TokenFailure.InvalidBase64Url, description);
        }

        observer?.OnStep(Report(
            VerificationStep.BuildSigningInput, TokenFailure.None, "The signing input is built.",
            Text("signing input", signingInputText.ToString()),
            Number("signing input length", signingInputText.Length)));
        return null;
    }

    private TokenVerificationResult? ComputeSignature(
        ReadOnlySpan<byte> signingInput,
        Span<byte> computedSignature,
        IVerificationObserver? observer)
    {
        if (_signer is null)
        {
            string description = "No key was given, so the signature was not checked.";
            observer?.OnStep(Report(
                VerificationStep.ComputeSignature, TokenFailure.NoKey, description));
            return TokenVerificationResult.Fail(TokenFailure.NoKey, description);
        }

        _signer.ComputeSignature(signingInput, computedSignature);
        observer?.OnStep(Report(
            VerificationStep.ComputeSignature, TokenFailure.None, "The HMAC-SHA-256 is computed.",
            VerificationValue.FromBytes("computed HMAC", computedSignature)));
        return null;
    }

    private static TokenVerificationResult? CompareSignature(
        ReadOnlySpan<byte> computedSignature,
        ReadOnlySpan<byte> signature,
        IVerificationObserver? observer)
    {
        // The comparison takes the same time wherever the bytes differ, so response times do
        // not leak how much of a forged signature is right (RFC 7518 §3.2).
        if (!CryptographicOperations.FixedTimeEquals(computedSignature, signature))
        {
            string description = "The signature does not match.";
            observer?.OnStep(Report(
                VerificationStep.CompareSignature, TokenFailure.SignatureMismatch, description,
                VerificationValue.FromBytes("computed HMAC", computedSignature),
                VerificationValue.FromBytes("token signature", signature)));
            return TokenVerificationResult.Fail(TokenFailure.SignatureMismatch, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CompareSignature, TokenFailure.None, "The signature matches.",
            VerificationValue.FromBytes("computed HMAC", computedSignature),
            VerificationValue.FromBytes("token signature", signature)));
        return null;
    }
}

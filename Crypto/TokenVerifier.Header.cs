using System;
using System.Text.Json;

namespace TinyJwt.Crypto;

// The steps that check the JOSE header, all before the signature is computed.
public sealed partial class TokenVerifier
{
    private static TokenVerificationResult? CheckHeader(
        ReadOnlySpan<byte> headerJson,
        IVerificationObserver? observer)
    {
        if (ParseHeader(headerJson, observer) is { } invalidHeader)
        {
            return invalidHeader;
        }

        JoseHeader header = JoseHeader.Read(headerJson);
        if (CheckAlgorithm(header, observer) is { } unsupportedAlgorithm)
        {
            return unsupportedAlgorithm;
        }

        if (CheckCritical(header, observer) is { } critical)
        {
            return critical;
        }

        return CheckKeyId(header, observer);
    }

    private static TokenVerificationResult? ParseHeader(
        ReadOnlySpan<byte> headerJson,
        IVerificationObserver? observer)
    {
        // The header must be a UTF-8 JSON object (RFC 7519 §7.2 step 4) with unique member
        // names (RFC 7515 §4).
        JsonObjectCheck check = StrictJson.CheckObject(headerJson);
        if (check != JsonObjectCheck.Valid)
        {
            TokenFailure failure = check == JsonObjectCheck.DuplicateMember
                ? TokenFailure.DuplicateMember
                : TokenFailure.InvalidHeader;
            string description = DescribeJsonCheck("header", check);
            observer?.OnStep(Report(
                VerificationStep.ParseHeader, failure, description,
                Text("header", ToDisplayText(headerJson))));
            return TokenVerificationResult.Fail(failure, description);
        }

        observer?.OnStep(Report(
            VerificationStep.ParseHeader, TokenFailure.None, "The header is a JSON object.",
            Text("header", ToDisplayText(headerJson))));
        return null;
    }

    private static TokenVerificationResult? CheckAlgorithm(
        JoseHeader header,
        IVerificationObserver? observer)
    {
        // Only the one algorithm this server signs with is accepted, so "none" and algorithm
        // confusion are impossible (RFC 8725 §3.1). alg is required (RFC 7515 §4.1.1).
        if (!header.AlgorithmIsHs256)
        {
            string description = header.AlgorithmType switch
            {
                JsonTokenType.None => "The header has no alg.",
                JsonTokenType.String => "The header's alg is not HS256.",
                _ => "The header's alg is not a string.",
            };
            observer?.OnStep(Report(
                VerificationStep.CheckAlgorithm, TokenFailure.UnsupportedAlgorithm, description,
                Json("alg", header.AlgorithmJson), Json("typ", header.TypeJson),
                Text("expected", "\"HS256\"")));
            return TokenVerificationResult.Fail(TokenFailure.UnsupportedAlgorithm, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckAlgorithm, TokenFailure.None, "The header's alg is HS256.",
            Json("alg", header.AlgorithmJson), Json("typ", header.TypeJson)));
        return null;
    }

    private static TokenVerificationResult? CheckCritical(
        JoseHeader header,
        IVerificationObserver? observer)
    {
        // crit names extensions the verifier must understand, and this one understands none
        // (RFC 7515 §4.1.11). b64 false would sign the payload unencoded (RFC 7797 §3).
        if (!header.CriticalJson.IsEmpty || !header.B64Json.IsEmpty)
        {
            string description = header.CriticalJson.IsEmpty
                ? "The header has b64, which is not supported."
                : "The header has crit, which is not supported.";
            observer?.OnStep(Report(
                VerificationStep.CheckCritical, TokenFailure.CriticalHeader, description,
                Json("crit", header.CriticalJson), Json("b64", header.B64Json)));
            return TokenVerificationResult.Fail(TokenFailure.CriticalHeader, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckCritical, TokenFailure.None,
            "The header has neither crit nor b64.",
            Json("crit", header.CriticalJson), Json("b64", header.B64Json)));
        return null;
    }

    private static TokenVerificationResult? CheckKeyId(
        JoseHeader header,
        IVerificationObserver? observer)
    {
        // kid is a case-sensitive string when present (RFC 7515 §4.1.4). The one key is used
        // whatever kid says.
        bool isValid = header.KeyIdType is JsonTokenType.None or JsonTokenType.String;
        if (!isValid)
        {
            string description = "The header's kid is not a string.";
            observer?.OnStep(Report(
                VerificationStep.CheckKeyId, TokenFailure.InvalidKeyId, description,
                Json("kid", header.KeyIdJson)));
            return TokenVerificationResult.Fail(TokenFailure.InvalidKeyId, description);
        }

        observer?.OnStep(Report(
            VerificationStep.CheckKeyId, TokenFailure.None,
            "The header's kid is absent or a string.",
            Json("kid", header.KeyIdJson)));
        return null;
    }

    private static string DescribeJsonCheck(string part, JsonObjectCheck check)
    {
        return check switch
        {
            JsonObjectCheck.ByteOrderMark => $"The {part} starts with a byte-order mark.",
            JsonObjectCheck.InvalidUtf8 => $"The {part} is not valid UTF-8.",
            JsonObjectCheck.NotAnObject => $"The {part} is not a JSON object.",
            JsonObjectCheck.DuplicateMember => $"The {part} repeats a member name.",
            _ => $"The {part} is not valid JSON.",
        };
    }
}

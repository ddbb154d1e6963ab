using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// Builds the classic forged tokens from one valid HS256 token and its key.
/// </summary>
/// <remarks>
/// Each attack changes one thing. The ones that need a valid signature over new content are
/// re-signed with the key, so they test the rule itself and not the signature check.
/// </remarks>
internal static partial class TamperAttacks
{
    private const string NoneExploit =
        "unsigned token accepted because the header picks the algorithm (2015 JWT library " +
        "advisories by Tim McLean; CVE-2020-15957); RFC 8725 §2.1";

    /// <summary>
    /// Builds the attacks from <paramref name="token"/>, which must be a valid compact JWS.
    /// </summary>
    public static List<TamperAttack> Build(string token, byte[] key)
    {
        string[] segments = token.Split('.');
        string encodedHeader = segments[0];
        string encodedPayload = segments[1];
        string signature = segments[2];
        JsonObject claims = ReadClaims(encodedPayload);

        string forgedPayload = EncodeJson(WithForgedSubject(claims));
        var attacks = new List<TamperAttack>();
        foreach (string spelling in new[] { "none", "None", "NONE", "nOnE" })
        {
            string noneHeader = EncodeJson($"{{\"alg\":\"{spelling}\",\"typ\":\"JWT\"}}");
            attacks.Add(new TamperAttack(
                $"alg \"{spelling}\", sub changed, no signature",
                NoneExploit,
                TokenFailure.UnsupportedAlgorithm,
                $"{noneHeader}.{forgedPayload}."));
        }

        string hs512Header = EncodeJson("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        string hs512SigningInput = $"{hs512Header}.{encodedPayload}";
        byte[] hs512Signature = HMACSHA512.HashData(
            key,
            Encoding.ASCII.GetBytes(hs512SigningInput));
        attacks.Add(new TamperAttack(
            "alg \"HS512\", re-signed with the same key",
            "algorithm taken from the header instead of pinned, the root of the HS256/RS256 " +
            "confusion of CVE-2015-9235; RFC 8725 §3.1",
            TokenFailure.UnsupportedAlgorithm,
            $"{hs512SigningInput}.{Base64Url.Encode(hs512Signature)}"));

        attacks.Add(new TamperAttack(
            "sub changed, old signature kept",
            "claims trusted without checking the signature over them (CWE-347)",
            TokenFailure.SignatureMismatch,
            $"{encodedHeader}.{forgedPayload}.{signature}"));
        attacks.Add(new TamperAttack(
            "exp pushed forward a year, not re-signed",
            "expiry read before the signature is checked (CWE-347); RFC 7519 §7.2",
            TokenFailure.SignatureMismatch,
            $"{encodedHeader}.{EncodeJson(WithLaterExpiry(claims))}.{signature}"));

        AddSignatureAttacks(attacks, encodedHeader, encodedPayload, signature);
        AddShapeAttacks(attacks, encodedHeader, encodedPayload, signature);
        AddResignedAttacks(attacks, encodedPayload, key);
        return attacks;
    }

    private static void AddResignedAttacks(
        List<TamperAttack> attacks,
        string encodedPayload,
        byte[] key)
    {
        string encodedHeader = EncodeJson("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        byte[] payload = DecodeSegment(encodedPayload);
        string payloadText = Encoding.UTF8.GetString(payload).TrimEnd();

        // A second "sub" after the first: parsers differ on which one wins (RFC 8259 §4), so
        // RFC 7519 §4 requires a JWT parser to reject duplicates or keep only the last.
        string duplicated = payloadText[..^1] + ",\"sub\":\"admin\"}";
        attacks.Add(new TamperAttack(
            "duplicate \"sub\" claim, re-signed",
            "two parsers reading different subjects from one token (duplicate JSON members, " +
            "RFC 7519 §4, RFC 8259 §4)",
            TokenFailure.DuplicateMember,
            Sign(encodedHeader, EncodeJson(duplicated), key)));

        // An extension header parameter with a collision-resistant name, marked critical.
        string critHeader = EncodeJson(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"," +
            "\"crit\":[\"http://example.com/ext\"],\"http://example.com/ext\":true}");
        attacks.Add(new TamperAttack(
            "\"crit\" header added, re-signed",
            "critical extensions ignored though the recipient must understand them or " +
            "reject the token (RFC 7515 §4.1.11)",
            TokenFailure.CriticalHeader,
            Sign(critHeader, encodedPayload, key)));
    }

    private static string Sign(string encodedHeader, string encodedPayload, byte[] key)
    {
        string signingInput = $"{encodedHeader}.{encodedPayload}";
        byte[] signature = Hs256.ComputeSignature(key, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.Encode(signature)}";
    }

    private static JsonObject ReadClaims(string encodedPayload)
    {
        JsonNode? node = JsonNode.Parse(DecodeSegment(encodedPayload));
        if (node is not JsonObject claims)
        {
            throw new UsageException("the token's claims are not a JSON object.");
        }

        return claims;
    }

    private static string WithForgedSubject(JsonObject claims)
    {
        var forged = (JsonObject)claims.DeepClone();
        string current = forged["sub"]?.ToString() ?? "";
        forged["sub"] = current == "admin" ? "root" : "admin";
        return forged.ToJsonString();
    }

    private static string WithLaterExpiry(JsonObject claims)
    {
        const long OneYear = 365L * 24 * 60 * 60;
        var forged = (JsonObject)claims.DeepClone();
        JsonNode? expiration = forged["exp"];
        if (expiration is JsonValue value && value.TryGetValue(out long seconds))
        {
            forged["exp"] = seconds + OneYear;
        }
        else if (expiration is JsonValue fraction && fraction.TryGetValue(out double fractional))
        {
            forged["exp"] = fractional + OneYear;
        }
        else
        {
            forged["exp"] = OneYear;
        }

        return forged.ToJsonString();
    }

    private static byte[] DecodeSegment(string segment)
    {
        if (!Base64Url.TryDecode(segment, out byte[]? bytes))
        {
            throw new UsageException("the token has a segment that is not valid base64url.");
        }

        return bytes;
    }

    private static string EncodeJson(string json)
    {
        return Base64Url.Encode(Encoding.UTF8.GetBytes(json));
    }
}

using System.Text;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Cli;

/// <summary>Builds signed compact JWS tokens with chosen header and claims for the tests.</summary>
internal static class TestTokens
{
    public const string Header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    // What `tinyjwt encode --sub Romel` prints at 2026-01-01T00:00:00Z under ServerKey, as
    // computed with Python's hmac and base64 modules.
    public const string RomelAtNow =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
        "eyJzdWIiOiJSb21lbCIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoxNzY3MjI5MjAwfQ." +
        "P3N4T_2R_Xpj4txC6haAKZinvpfZENUh67QtTy7i2Nk";

    public static string Sign(string headerJson, string claimsJson, string key)
    {
        string encodedHeader = Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson));
        string encodedPayload = Base64Url.Encode(Encoding.UTF8.GetBytes(claimsJson));
        string signingInput = $"{encodedHeader}.{encodedPayload}";
        byte[] signature = Hs256.ComputeSignature(
            Encoding.UTF8.GetBytes(key),
            Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.Encode(signature)}";
    }

    /// <summary>Builds an unsigned token whose header says alg "none".</summary>
    public static string Unsigned(string claimsJson)
    {
        string encodedHeader = Base64Url.Encode(
            Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        string encodedPayload = Base64Url.Encode(Encoding.UTF8.GetBytes(claimsJson));
        return $"{encodedHeader}.{encodedPayload}.";
    }

    /// <summary>Replaces the payload of a signed token and keeps the old signature.</summary>
    public static string WithPayload(string token, string claimsJson)
    {
        string[] segments = token.Split('.');
        string encodedPayload = Base64Url.Encode(Encoding.UTF8.GetBytes(claimsJson));
        return $"{segments[0]}.{encodedPayload}.{segments[2]}";
    }
}

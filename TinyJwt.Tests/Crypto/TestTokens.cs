using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

/// <summary>Builds HS256 tokens from raw header and claims text.</summary>
internal static class TestTokens
{
    // 2023-11-14T22:13:20Z: a round number far from the limits the verifier checks.
    public const long Now = 1_700_000_000;

    public const string Header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    public static readonly byte[] Key =
        Encoding.UTF8.GetBytes("test key: 32 bytes or more, for HS256");

    public static TimeProvider Clock { get; } = new FixedTimeProvider(Now);

    public static TokenVerifier CreateVerifier()
    {
        return new TokenVerifier(Key, Clock);
    }

    /// <summary>
    /// Returns the claims {"sub":"Romel","iat":Now,"exp":Now+3600} with extra members appended.
    /// </summary>
    public static string Claims(string extraMembers = "")
    {
        string claims = "{\"sub\":\"Romel\",\"iat\":" + Format(Now)
            + ",\"exp\":" + Format(Now + 3600);
        return claims + extraMembers + "}";
    }

    public static string Format(long value)
    {
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Signs the UTF-8 bytes of the header and claims text with the test key.</summary>
    public static string Sign(string header, string claims)
    {
        return Sign(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(claims));
    }

    public static string Sign(byte[] header, byte[] claims)
    {
        string signingInput = Base64Url.Encode(header) + "." + Base64Url.Encode(claims);
        return SignSigningInput(signingInput);
    }

    /// <summary>Appends the HS256 signature of the signing input, whatever it contains.</summary>
    public static string SignSigningInput(string signingInput)
    {
        byte[] signature = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(signingInput));
        return signingInput + "." + Base64Url.Encode(signature);
    }
}

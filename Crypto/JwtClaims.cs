using System;
using System.Text.Json;

namespace TinyJwt.Crypto;

/// <summary>A time claim (exp, nbf or iat) as read from the claims.</summary>
internal readonly ref struct NumericDateClaim
{
    // 9999-12-31T23:59:59Z, the last second DateTimeOffset can hold.
    public const long MaxSeconds = 253402300799;

    public NumericDateClaim(ReadOnlySpan<byte> json, bool isValid, long seconds)
    {
        Json = json;
        IsValid = isValid;
        Seconds = seconds;
    }

    /// <summary>Gets the claim's JSON text as written, empty when the claim is missing.</summary>
    public ReadOnlySpan<byte> Json { get; }

    public bool IsPresent => !Json.IsEmpty;

    /// <summary>
    /// Gets a value that is true for a JSON number from 0 to <see cref="MaxSeconds"/>.
    /// </summary>
    public bool IsValid { get; }

    /// <summary>
    /// Gets the value in whole seconds since 1970-01-01T00:00:00Z, fractions cut off.
    /// </summary>
    public long Seconds { get; }

    /// <summary>
    /// Reads a NumericDate at the reader and leaves the reader on its last token.
    /// </summary>
    /// <remarks>
    /// RFC 7519 §2 lets a NumericDate have a fraction. TinyJwt accepts one and drops it, because
    /// every comparison is in whole seconds. Strings, booleans and numbers outside 0 to
    /// <see cref="MaxSeconds"/> are invalid; a number too large for a double (1e400) is too.
    /// </remarks>
    public static NumericDateClaim Read(scoped ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        bool isValid = false;
        long seconds = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out long whole))
            {
                isValid = whole >= 0 && whole <= MaxSeconds;
                seconds = whole;
            }
            else if (reader.TryGetDouble(out double fractional))
            {
                isValid = fractional >= 0 && fractional <= MaxSeconds;
                seconds = isValid ? (long)Math.Floor(fractional) : 0;
            }
        }

        ReadOnlySpan<byte> text = JsonMember.ReadValueText(ref reader, json);
        return new NumericDateClaim(text, isValid, seconds);
    }
}

/// <summary>The claims the verifier checks, read from a payload that passed StrictJson.</summary>
internal ref struct JwtClaims
{
    public NumericDateClaim Expiration;
    public NumericDateClaim NotBefore;
    public NumericDateClaim IssuedAt;

    /// <summary>Gets the JSON text of aud as written, empty when aud is missing.</summary>
    public ReadOnlySpan<byte> AudienceJson;

    /// <summary>Gets the JSON text of sub as written, empty when sub is missing.</summary>
    public ReadOnlySpan<byte> SubjectJson;

    /// <summary>Gets the unescaped sub when it is a string, otherwise null.</summary>
    public string? Subject;

    /// <summary>Reads the claims of a payload already checked by StrictJson.CheckObject.</summary>
    public static JwtClaims Read(ReadOnlySpan<byte> json)
    {
        JwtClaims claims = default;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("exp"u8))
            {
                reader.Read();
                claims.Expiration = NumericDateClaim.Read(ref reader, json);
            }
            else if (reader.ValueTextEquals("nbf"u8))
            {
                reader.Read();
                claims.NotBefore = NumericDateClaim.Read(ref reader, json);
            }
            else if (reader.ValueTextEquals("iat"u8))
            {
                reader.Read();
                claims.IssuedAt = NumericDateClaim.Read(ref reader, json);
            }
            else if (reader.ValueTextEquals("aud"u8))
            {
                reader.Read();
                claims.AudienceJson = JsonMember.ReadValueText(ref reader, json);
            }
            else if (reader.ValueTextEquals("sub"u8))
            {
                reader.Read();
                claims.Subject = reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : null;
                claims.SubjectJson = JsonMember.ReadValueText(ref reader, json);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return claims;
    }
}

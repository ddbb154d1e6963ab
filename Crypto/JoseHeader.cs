using System;
using System.Text.Json;

namespace TinyJwt.Crypto;

/// <summary>
/// The header members the verifier checks, read from a header that passed StrictJson.
/// </summary>
internal ref struct JoseHeader
{
    // The JSON type of alg, or None when alg is missing.
    public JsonTokenType AlgorithmType;

    // True when alg is the string "HS256" after unescaping.
    public bool AlgorithmIsHs256;

    // The JSON text of each member as written, empty when it is missing. The observer shows
    // them, and crit and b64 are rejected whatever their value.
    public ReadOnlySpan<byte> AlgorithmJson;
    public ReadOnlySpan<byte> TypeJson;
    public ReadOnlySpan<byte> CriticalJson;
    public ReadOnlySpan<byte> B64Json;
    public ReadOnlySpan<byte> KeyIdJson;

    // The JSON type of kid, or None when kid is missing.
    public JsonTokenType KeyIdType;

    /// <summary>Reads the members of a header already checked by StrictJson.CheckObject.</summary>
    public static JoseHeader Read(ReadOnlySpan<byte> json)
    {
        JoseHeader header = default;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // ValueTextEquals compares the unescaped name, so "\u0061lg" is found as alg.
            if (reader.ValueTextEquals("alg"u8))
            {
                reader.Read();
                header.AlgorithmType = reader.TokenType;
                header.AlgorithmIsHs256 = reader.TokenType == JsonTokenType.String
                    && reader.ValueTextEquals("HS256"u8);
                header.AlgorithmJson = JsonMember.ReadValueText(ref reader, json);
            }
            else if (reader.ValueTextEquals("typ"u8))
            {
                reader.Read();
                header.TypeJson = JsonMember.ReadValueText(ref reader, json);
            }
            else if (reader.ValueTextEquals("crit"u8))
            {
                reader.Read();
                header.CriticalJson = JsonMember.ReadValueText(ref reader, json);
            }
            else if (reader.ValueTextEquals("b64"u8))
            {
                reader.Read();
                header.B64Json = JsonMember.ReadValueText(ref reader, json);
            }
            else if (reader.ValueTextEquals("kid"u8))
            {
                reader.Read();
                header.KeyIdType = reader.TokenType;
                header.KeyIdJson = JsonMember.ReadValueText(ref reader, json);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return header;
    }
}

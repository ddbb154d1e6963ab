using System;
using System.Text.Json;

namespace TinyJwt.Crypto;

/// <summary>
/// The header members the verifier checks, read from a header that passed StrictJson.
/// </summary>
internal ref struct JoseHeader
{
    /// <summary>Gets the JSON type of alg, or None when alg is missing.</summary>
    public JsonTokenType AlgorithmType;

    /// <summary>
    /// Gets a value that is true when alg is the string "HS256" after unescaping.
    /// </summary>
    public bool AlgorithmIsHs256;

    /// <summary>
    /// Gets the JSON text of alg, typ, crit and kid as written, for the observer.
    /// </summary>
    public ReadOnlySpan<byte> AlgorithmJson;
    public ReadOnlySpan<byte> TypeJson;
    public ReadOnlySpan<byte> CriticalJson;
    public ReadOnlySpan<byte> B64Json;
    public ReadOnlySpan<byte> KeyIdJson;

    /// <summary>Gets the JSON type of kid, or None when kid is missing.</summary>
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

using System;
using System.Text.Json;

namespace TinyJwt.Crypto;

/// <summary>
/// Helpers for reading top-level members of a JSON object already checked by StrictJson.
/// </summary>
internal static class JsonMember
{
    /// <summary>
    /// Returns the JSON text of the value at the reader, objects and arrays whole, and leaves the
    /// reader on the value's last token.
    /// </summary>
    public static ReadOnlySpan<byte> ReadValueText(
        scoped ref Utf8JsonReader reader,
        ReadOnlySpan<byte> json)
    {
        int start = (int)reader.TokenStartIndex;
        reader.Skip();
        int end = (int)reader.BytesConsumed;
        return json[start..end];
    }
}

using System;

namespace TinyJwt.Crypto;

/// <summary>Checks that UTF-8 bytes follow the RFC 8259 JSON grammar, without throwing.</summary>
/// <remarks>
/// Utf8JsonReader throws on malformed input, and a token's header is parsed before its signature
/// is checked. This single pass over the bytes lets a malformed token be rejected without an
/// exception. It checks syntax only, so duplicate member names and the top-level type are left
/// to the caller. Like Utf8JsonReader's unescaping, it also rejects unpaired surrogate escapes,
/// which the grammar allows. The caller checks that the bytes are valid UTF-8 first, so bytes of
/// 0x80 and above only need to be accepted inside strings.
/// </remarks>
internal static partial class JsonSyntax
{
    /// <summary>Returns true when the bytes are exactly one JSON value, nested at most
    /// <paramref name="maxDepth"/> objects and arrays deep.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // RFC 8259 §2: a JSON text is one value with optional whitespace around it.
        int position = 0;
        SkipWhitespace(utf8, ref position);
        if (!TryReadValue(utf8, ref position, maxDepth))
        {
            return false;
        }

        SkipWhitespace(utf8, ref position);
        return position == utf8.Length;
    }

    // depthLeft is how many more objects or arrays may open. Utf8JsonReader counts MaxDepth the
    // same way, so with 64, 64 nested levels read and the 65th is rejected.
    private static bool TryReadValue(ReadOnlySpan<byte> json, ref int position, int depthLeft)
    {
        if (position >= json.Length)
        {
            return false;
        }

        // RFC 8259 §3: a value is an object, array, string, number, true, false or null.
        return json[position] switch
        {
            (byte)'{' => TryReadObject(json, ref position, depthLeft),
            (byte)'[' => TryReadArray(json, ref position, depthLeft),
            (byte)'"' => TryReadString(json, ref position),
            (byte)'t' => TryReadLiteral(json, ref position, "true"u8),
            (byte)'f' => TryReadLiteral(json, ref position, "false"u8),
            (byte)'n' => TryReadLiteral(json, ref position, "null"u8),
            _ => TryReadNumber(json, ref position),
        };
    }

    private static bool TryReadObject(ReadOnlySpan<byte> json, ref int position, int depthLeft)
    {
        if (depthLeft == 0)
        {
            return false;
        }

        // RFC 8259 §4: '{' then zero or more "name" : value members split by ',', then '}'.
        position++;
        SkipWhitespace(json, ref position);
        if (TrySkip(json, ref position, (byte)'}'))
        {
            return true;
        }

        while (true)
        {
            if (position >= json.Length || json[position] != (byte)'"'
                || !TryReadString(json, ref position))
            {
                return false;
            }

            SkipWhitespace(json, ref position);
            if (!TrySkip(json, ref position, (byte)':'))
            {
                return false;
            }

            SkipWhitespace(json, ref position);
            if (!TryReadValue(json, ref position, depthLeft - 1))
            {
                return false;
            }

            SkipWhitespace(json, ref position);
            if (TrySkip(json, ref position, (byte)'}'))
            {
                return true;
            }

            // No trailing comma: after ',' another member must follow.
            if (!TrySkip(json, ref position, (byte)','))
            {
                return false;
            }

            SkipWhitespace(json, ref position);
        }
    }

    private static bool TryReadArray(ReadOnlySpan<byte> json, ref int position, int depthLeft)
    {
        if (depthLeft == 0)
        {
            return false;
        }

        // RFC 8259 §5: '[' then zero or more values split by ',', then ']'.
        position++;
        SkipWhitespace(json, ref position);
        if (TrySkip(json, ref position, (byte)']'))
        {
            return true;
        }

        while (true)
        {
            if (!TryReadValue(json, ref position, depthLeft - 1))
            {
                return false;
            }

            SkipWhitespace(json, ref position);
            if (TrySkip(json, ref position, (byte)']'))
            {
                return true;
            }

            if (!TrySkip(json, ref position, (byte)','))
            {
                return false;
            }

            SkipWhitespace(json, ref position);
        }
    }

    private static bool TryReadLiteral(
        ReadOnlySpan<byte> json,
        ref int position,
        ReadOnlySpan<byte> literal)
    {
        // RFC 8259 §3: the literal names are lowercase true, false and null.
        if (!json[position..].StartsWith(literal))
        {
            return false;
        }

        position += literal.Length;
        return true;
    }

    private static void SkipWhitespace(ReadOnlySpan<byte> json, ref int position)
    {
        // RFC 8259 §2: whitespace is space, horizontal tab, line feed and carriage return.
        while (position < json.Length && " \t\n\r"u8.Contains(json[position]))
        {
            position++;
        }
    }

    private static bool TrySkip(ReadOnlySpan<byte> json, ref int position, byte expected)
    {
        if (position < json.Length && json[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }
}

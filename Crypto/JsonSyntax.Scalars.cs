using System;

namespace TinyJwt.Crypto;

// The scalar values of RFC 8259: strings with their escapes, and numbers.
internal static partial class JsonSyntax
{
    private static bool TryReadString(ReadOnlySpan<byte> json, ref int position)
    {
        // RFC 8259 §7: a string is quoted, and control characters below 0x20 must be escaped.
        position++;
        while (position < json.Length)
        {
            byte current = json[position];
            if (current == (byte)'"')
            {
                position++;
                return true;
            }

            if (current < 0x20)
            {
                return false;
            }

            if (current == (byte)'\\')
            {
                if (!TryReadEscape(json, ref position))
                {
                    return false;
                }
            }
            else
            {
                position++;
            }
        }

        return false;
    }

    private static bool TryReadEscape(ReadOnlySpan<byte> json, ref int position)
    {
        // RFC 8259 §7: the escapes are \" \\ \/ \b \f \n \r \t and \u with four hex digits.
        position++;
        if (position >= json.Length)
        {
            return false;
        }

        byte kind = json[position];
        if ("\"\\/bfnrt"u8.Contains(kind))
        {
            position++;
            return true;
        }

        if (kind != (byte)'u' || !TryReadHex4(json, position + 1, out int codeUnit))
        {
            return false;
        }

        position += 5;

        // RFC 8259 §8.2 allows unpaired surrogate escapes such as "\ud800" but leaves their
        // meaning unpredictable. Utf8JsonReader cannot unescape them, so a high surrogate must be
        // followed by a low one, and a low surrogate must not stand alone.
        if (char.IsLowSurrogate((char)codeUnit))
        {
            return false;
        }

        if (!char.IsHighSurrogate((char)codeUnit))
        {
            return true;
        }

        bool lowFollows = position + 1 < json.Length
            && json[position] == (byte)'\\'
            && json[position + 1] == (byte)'u'
            && TryReadHex4(json, position + 2, out int low)
            && char.IsLowSurrogate((char)low);
        if (lowFollows)
        {
            position += 6;
        }

        return lowFollows;
    }

    private static bool TryReadHex4(ReadOnlySpan<byte> json, int start, out int value)
    {
        value = 0;
        if (start + 4 > json.Length)
        {
            return false;
        }

        for (int i = start; i < start + 4; i++)
        {
            int digit = HexValue(json[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(byte digit)
    {
        return digit switch
        {
            >= (byte)'0' and <= (byte)'9' => digit - '0',
            >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
            _ => -1,
        };
    }

    private static bool TryReadNumber(ReadOnlySpan<byte> json, ref int position)
    {
        // RFC 8259 §6: number = [ "-" ] int [ frac ] [ exp ], where int is 0 or has no leading
        // zero, frac is '.' and digits, and exp is 'e' or 'E', an optional sign and digits.
        TrySkip(json, ref position, (byte)'-');

        // A leading zero ends the int part, so in "01" the 1 is left over and rejected.
        bool isZero = TrySkip(json, ref position, (byte)'0');
        if (!isZero && SkipDigits(json, ref position) == 0)
        {
            return false;
        }

        if (TrySkip(json, ref position, (byte)'.') && SkipDigits(json, ref position) == 0)
        {
            return false;
        }

        if (TrySkip(json, ref position, (byte)'e') || TrySkip(json, ref position, (byte)'E'))
        {
            if (!TrySkip(json, ref position, (byte)'+'))
            {
                TrySkip(json, ref position, (byte)'-');
            }

            return SkipDigits(json, ref position) > 0;
        }

        return true;
    }

    private static int SkipDigits(ReadOnlySpan<byte> json, ref int position)
    {
        int start = position;
        while (position < json.Length && char.IsAsciiDigit((char)json[position]))
        {
            position++;
        }

        return position - start;
    }
}

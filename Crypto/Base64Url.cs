using System;
using System.Diagnostics.CodeAnalysis;

namespace TinyJwt.Crypto;

/// <summary>Base64url encoding without padding (RFC 4648 §5), with a strict decoder.</summary>
/// <remarks>
/// JWS compact serialization (RFC 7515 §2) uses this alphabet and omits '='. The decoder rejects
/// any other spelling of the same bytes, so a token has exactly one accepted text form and a
/// changed last character can never decode to the same signature.
/// </remarks>
public static class Base64Url
{
    private const string Alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // Maps a character below 256 to its 6-bit value, or -1 for a character outside the alphabet.
    // It has 256 entries so that any byte is a valid index.
    private static readonly sbyte[] s_decodeTable = BuildDecodeTable();

    /// <summary>
    /// Computes the number of characters that encoding a given number of bytes yields.
    /// </summary>
    public static int GetEncodedLength(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        int fullGroups = byteCount / 3;
        int remainder = byteCount % 3;
        int remainderChars = remainder == 0 ? 0 : remainder + 1;
        return checked((fullGroups * 4) + remainderChars);
    }

    /// <summary>
    /// Computes the number of bytes that a valid encoding of a given length decodes to, or -1
    /// when no valid encoding has that length (length % 4 == 1).
    /// </summary>
    public static int GetDecodedLength(int encodedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(encodedLength);
        int fullGroups = encodedLength / 4;
        int remainder = encodedLength % 4;
        if (remainder == 1)
        {
            return -1;
        }

        int remainderBytes = remainder == 0 ? 0 : remainder - 1;
        return (fullGroups * 3) + remainderBytes;
    }

    /// <summary>Encodes bytes as base64url text without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        int length = GetEncodedLength(data.Length);
        if (length == 0)
        {
            return string.Empty;
        }

        // string.Create writes straight into the new string: no intermediate char array.
        return string.Create(
            length,
            data,
            static (destination, state) => Encode(state, destination));
    }

    /// <summary>
    /// Encodes bytes into a character span and returns the number of characters written.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The destination is shorter than the encoded length.
    /// </exception>
    public static int Encode(ReadOnlySpan<byte> data, Span<char> destination)
    {
        int length = GetEncodedLength(data.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} characters, {length} are needed.",
                nameof(destination));
        }

        int written = 0;
        int i = 0;
        for (; i + 3 <= data.Length; i += 3)
        {
            int group = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
            destination[written] = Alphabet[(group >> 18) & 0x3F];
            destination[written + 1] = Alphabet[(group >> 12) & 0x3F];
            destination[written + 2] = Alphabet[(group >> 6) & 0x3F];
            destination[written + 3] = Alphabet[group & 0x3F];
            written += 4;
        }

        int remainder = data.Length - i;
        if (remainder == 1)
        {
            int group = data[i] << 16;
            destination[written] = Alphabet[(group >> 18) & 0x3F];
            destination[written + 1] = Alphabet[(group >> 12) & 0x3F];
            written += 2;
        }
        else if (remainder == 2)
        {
            int group = (data[i] << 16) | (data[i + 1] << 8);
            destination[written] = Alphabet[(group >> 18) & 0x3F];
            destination[written + 1] = Alphabet[(group >> 12) & 0x3F];
            destination[written + 2] = Alphabet[(group >> 6) & 0x3F];
            written += 3;
        }

        return written;
    }

    /// <summary>Decodes strict base64url text into a new byte array.</summary>
    /// <returns>
    /// False, without throwing, for any text that is not canonical unpadded base64url.
    /// </returns>
    public static bool TryDecode(ReadOnlySpan<char> encoded, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        int length = GetDecodedLength(encoded.Length);
        if (length < 0)
        {
            return false;
        }

        byte[] buffer = new byte[length];
        if (!TryDecode(encoded, buffer, out _))
        {
            return false;
        }

        bytes = buffer;
        return true;
    }

    /// <summary>Decodes strict base64url text into a byte span.</summary>
    /// <returns>
    /// False, without throwing, for text that is not canonical unpadded base64url or a
    /// destination shorter than <see cref="GetDecodedLength"/>.
    /// </returns>
    public static bool TryDecode(
        ReadOnlySpan<char> encoded,
        Span<byte> destination,
        out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetDecodedLength(encoded.Length);
        if (length < 0 || destination.Length < length)
        {
            return false;
        }

        int written = 0;
        int i = 0;
        for (; i + 4 <= encoded.Length; i += 4)
        {
            // One ASCII test covers the four characters, which saves three branches per group.
            // After it, each character can index the 256-entry table as a byte.
            char c0 = encoded[i];
            char c1 = encoded[i + 1];
            char c2 = encoded[i + 2];
            char c3 = encoded[i + 3];
            if ((c0 | c1 | c2 | c3) >= 128)
            {
                return false;
            }

            int first = s_decodeTable[(byte)c0];
            int second = s_decodeTable[(byte)c1];
            int third = s_decodeTable[(byte)c2];
            int fourth = s_decodeTable[(byte)c3];
            if ((first | second | third | fourth) < 0)
            {
                return false;
            }

            int group = (first << 18) | (second << 12) | (third << 6) | fourth;
            destination[written] = (byte)(group >> 16);
            destination[written + 1] = (byte)(group >> 8);
            destination[written + 2] = (byte)group;
            written += 3;
        }

        int remainder = encoded.Length - i;
        if (remainder == 2)
        {
            int first = Value(encoded[i]);
            int second = Value(encoded[i + 1]);

            // Two characters carry 12 bits for one byte, so the last 4 bits must be zero, or a
            // second spelling of the same byte would be accepted (RFC 4648 §3.5).
            if ((first | second) < 0 || (second & 0x0F) != 0)
            {
                return false;
            }

            destination[written] = (byte)((first << 2) | (second >> 4));
            written += 1;
        }
        else if (remainder == 3)
        {
            int first = Value(encoded[i]);
            int second = Value(encoded[i + 1]);
            int third = Value(encoded[i + 2]);

            // Three characters carry 18 bits for two bytes, so the last 2 bits must be zero.
            if ((first | second | third) < 0 || (third & 0x03) != 0)
            {
                return false;
            }

            int group = (first << 18) | (second << 12) | (third << 6);
            destination[written] = (byte)(group >> 16);
            destination[written + 1] = (byte)(group >> 8);
            written += 2;
        }

        bytesWritten = written;
        return true;
    }

    // Returns the 6-bit value of a character, or -1 for one outside the alphabet ('=', '+', '/',
    // white space and every non-ASCII character included).
    private static int Value(char c)
    {
        if (c >= 128)
        {
            return -1;
        }

        return s_decodeTable[(byte)c];
    }

    private static sbyte[] BuildDecodeTable()
    {
        sbyte[] table = new sbyte[256];
        Array.Fill(table, (sbyte)-1);
        for (int i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
